/**
 * Registers `<acct-account>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctAccount } from './account.js';
// The elements its tabs show are imported by the element itself, tab by tab (account.ts).

AcctAccount.define('acct-account');

export { AcctAccount };

declare global {
  interface HTMLElementTagNameMap {
    'acct-account': AcctAccount;
  }
}
