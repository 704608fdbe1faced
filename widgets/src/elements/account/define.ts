/**
 * Registers `<acct-account>`. Import this module (or acct.js, which imports it) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctAccount } from './account.js';
// The elements its tabs show, so that `<acct-account>` works imported alone too.
import '../profile/define.js';
import '../password/define.js';
import '../passkeys/define.js';
import '../mfa/define.js';
import '../connected-accounts/define.js';
import '../sessions/define.js';
import '../login-history/define.js';
import '../notification-settings/define.js';
import '../data-export/define.js';
import '../delete-account/define.js';

AcctAccount.define('acct-account');

export { AcctAccount };

declare global {
  interface HTMLElementTagNameMap {
    'acct-account': AcctAccount;
  }
}
