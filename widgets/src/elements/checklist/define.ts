/**
 * Registers `<acct-checklist>`. Import this module (or acct.js, which imports it) to use the
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
