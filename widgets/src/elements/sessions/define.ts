/**
 * Registers `<acct-sessions>`. Import this module (or acct.js, which imports it) to use the
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
