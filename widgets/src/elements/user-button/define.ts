/**
 * Registers `<acct-user-button>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
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
