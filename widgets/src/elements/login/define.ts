/**
 * Registers `<acct-login>`. Import this module (or add acct.js, which imports it when the tag appears) to use the element;
 * importing it twice, or alongside acct.js, is harmless.
 */
import { AcctLogin } from './login.js';

AcctLogin.define('acct-login');

export { AcctLogin };

declare global {
  interface HTMLElementTagNameMap {
    'acct-login': AcctLogin;
  }
}
