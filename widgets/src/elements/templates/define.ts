/**
 * Registers `<acct-templates>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctTemplates } from './templates.js';

AcctTemplates.define('acct-templates');

export { AcctTemplates };

declare global {
  interface HTMLElementTagNameMap {
    'acct-templates': AcctTemplates;
  }
}
