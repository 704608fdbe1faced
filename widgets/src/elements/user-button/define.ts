/**
 * Registers `<acct-user-button>`. Import this module (or acct.js, which imports it) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctUserButton } from './user-button.js';

AcctUserButton.define('acct-user-button');

export { AcctUserButton };

declare global {
  interface HTMLElementTagNameMap {
    'acct-user-button': AcctUserButton;
  }
}
