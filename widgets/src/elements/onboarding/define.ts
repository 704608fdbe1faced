/**
 * Registers `<acct-onboarding>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
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
