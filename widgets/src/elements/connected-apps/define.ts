/**
 * Registers `<acct-connected-apps>`. Import this module (or acct.js, which imports it) to use the
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
