/**
 * Registers `<acct-passkeys>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctPasskeys } from './passkeys.js';

AcctPasskeys.define('acct-passkeys');

export { AcctPasskeys };

declare global {
  interface HTMLElementTagNameMap {
    'acct-passkeys': AcctPasskeys;
  }
}
