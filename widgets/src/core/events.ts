/**
 * The details of the events elements fire, and their entries in the DOM's event map so that
 * `element.addEventListener('acct-error', e => e.detail.code)` is typed for TypeScript users.
 * Every acct event bubbles and is composed (it crosses shadow roots), and fires on user action only.
 */

/** `acct-error`: something the user asked for failed. */
export interface AcctErrorDetail {
  /** Stable code: the server's (`internal_error`…) or the client's (`network_error`). */
  code: string;
  /** HTTP status, or 0 when no answer arrived. */
  status: number;
  /** The localised message the element shows. */
  message: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'acct-error': CustomEvent<AcctErrorDetail>;
  }
}
