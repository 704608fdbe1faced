/**
 * Registers `<acct-delete-account>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctDeleteAccount } from './delete-account.js';

AcctDeleteAccount.define('acct-delete-account');

export { AcctDeleteAccount };

declare global {
  interface HTMLElementTagNameMap {
    'acct-delete-account': AcctDeleteAccount;
  }
}
