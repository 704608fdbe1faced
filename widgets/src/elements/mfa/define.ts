/**
 * Registers `<acct-mfa>`. Import this module (or acct.js, which imports it) to use the element;
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
