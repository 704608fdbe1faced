/**
 * Registers `<acct-password>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctPassword } from './password.js';

AcctPassword.define('acct-password');

export { AcctPassword };

declare global {
  interface HTMLElementTagNameMap {
    'acct-password': AcctPassword;
  }
}
