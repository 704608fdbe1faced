/**
 * Registers `<acct-profile>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
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
