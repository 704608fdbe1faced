/**
 * Registers `<acct-connected-accounts>`. Import this module (or add acct.js, which imports it when the tag appears) to use
 * the element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctConnectedAccounts } from './connected-accounts.js';

AcctConnectedAccounts.define('acct-connected-accounts');

export { AcctConnectedAccounts };

declare global {
  interface HTMLElementTagNameMap {
    'acct-connected-accounts': AcctConnectedAccounts;
  }
}
