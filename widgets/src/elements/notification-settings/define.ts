/**
 * Registers `<acct-notification-settings>`. Import this module (or add acct.js, which imports it when the tag appears) to
 * use the element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctNotificationSettings } from './notification-settings.js';

AcctNotificationSettings.define('acct-notification-settings');

export { AcctNotificationSettings };

declare global {
  interface HTMLElementTagNameMap {
    'acct-notification-settings': AcctNotificationSettings;
  }
}
