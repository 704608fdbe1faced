/**
 * Registers `<acct-sessions>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctSessions } from './sessions.js';

AcctSessions.define('acct-sessions');

export { AcctSessions };

declare global {
  interface HTMLElementTagNameMap {
    'acct-sessions': AcctSessions;
  }
}
