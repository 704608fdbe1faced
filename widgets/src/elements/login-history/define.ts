/**
 * Registers `<acct-login-history>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctLoginHistory } from './login-history.js';

AcctLoginHistory.define('acct-login-history');

export { AcctLoginHistory };

declare global {
  interface HTMLElementTagNameMap {
    'acct-login-history': AcctLoginHistory;
  }
}
