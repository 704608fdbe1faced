/**
 * Registers `<acct-organization>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctOrganization } from './organization.js';

AcctOrganization.define('acct-organization');

export { AcctOrganization };

declare global {
  interface HTMLElementTagNameMap {
    'acct-organization': AcctOrganization;
  }
}
