/**
 * Registers `<acct-data-export>`. Import this module (or acct.js, which imports it) to use the
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
