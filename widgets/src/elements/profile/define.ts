/**
 * Registers `<acct-profile>`. Import this module (or acct.js, which imports it) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctProfile } from './profile.js';

AcctProfile.define('acct-profile');

export { AcctProfile };

declare global {
  interface HTMLElementTagNameMap {
    'acct-profile': AcctProfile;
  }
}
