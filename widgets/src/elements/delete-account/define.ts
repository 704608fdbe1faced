/**
 * Registers `<acct-delete-account>`. Import this module (or acct.js, which imports it) to use the
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
