/**
 * Registers `<acct-webhooks>`. Import this module (or add acct.js, which imports it when the tag appears) to use the
 * element; importing it twice, or alongside acct.js, is harmless.
 */
import { AcctWebhooks } from './webhooks.js';

AcctWebhooks.define('acct-webhooks');

export { AcctWebhooks };

declare global {
  interface HTMLElementTagNameMap {
    'acct-webhooks': AcctWebhooks;
  }
}
