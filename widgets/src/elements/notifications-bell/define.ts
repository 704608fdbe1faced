/**
 * Registers `<acct-notifications-bell>`. Import this module (or add acct.js, which imports it when the tag appears) to use
 * the element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctNotificationsBell } from './notifications-bell.js';

AcctNotificationsBell.define('acct-notifications-bell');

export { AcctNotificationsBell };

declare global {
  interface HTMLElementTagNameMap {
    'acct-notifications-bell': AcctNotificationsBell;
  }
}
