/**
 * Registers `<acct-data-export>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctDataExport } from './data-export.js';

AcctDataExport.define('acct-data-export');

export { AcctDataExport };

declare global {
  interface HTMLElementTagNameMap {
    'acct-data-export': AcctDataExport;
  }
}
