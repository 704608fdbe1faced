/**
 * Registers `<acct-connected-apps>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctConnectedApps } from './connected-apps.js';

AcctConnectedApps.define('acct-connected-apps');

export { AcctConnectedApps };

declare global {
  interface HTMLElementTagNameMap {
    'acct-connected-apps': AcctConnectedApps;
  }
}
