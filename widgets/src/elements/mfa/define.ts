/**
 * Registers `<acct-mfa>`. Import this module (or add acct.js, which imports it when the tag appears) to use the element;
 * importing it twice, or alongside acct.js, is harmless.
 */
import { AcctMfa } from './mfa.js';

AcctMfa.define('acct-mfa');

export { AcctMfa };

declare global {
  interface HTMLElementTagNameMap {
    'acct-mfa': AcctMfa;
  }
}
