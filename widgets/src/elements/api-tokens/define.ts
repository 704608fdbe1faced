/**
 * Registers `<acct-api-tokens>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctApiTokens } from './api-tokens.js';

AcctApiTokens.define('acct-api-tokens');

export { AcctApiTokens };

declare global {
  interface HTMLElementTagNameMap {
    'acct-api-tokens': AcctApiTokens;
  }
}
