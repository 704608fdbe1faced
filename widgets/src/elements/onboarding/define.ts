/**
 * Registers `<acct-onboarding>`. Import this module (or acct.js, which imports it) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctOnboarding } from './onboarding.js';

AcctOnboarding.define('acct-onboarding');

export { AcctOnboarding };

declare global {
  interface HTMLElementTagNameMap {
    'acct-onboarding': AcctOnboarding;
  }
}
