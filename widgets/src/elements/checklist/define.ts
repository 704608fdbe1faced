/**
 * Registers `<acct-checklist>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctChecklist } from './checklist.js';

AcctChecklist.define('acct-checklist');

export { AcctChecklist };

declare global {
  interface HTMLElementTagNameMap {
    'acct-checklist': AcctChecklist;
  }
}
