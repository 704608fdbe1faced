/**
 * Styles of `<acct-login-history>` beyond the shared list look (core/styles/list.styles.ts): its
 * width, and failures set apart by an accent bar and the danger colour on the icon and badge
 * (alongside the cross icon and the "Failed" label, which carry the meaning without colour).
 */
import { css } from 'lit';

export const loginHistoryStyles = css`
  :host {
    max-width: var(--acct-login-history-max-width, 40rem);
  }
  li.failure {
    /* A bar on the start side (box-shadow has no logical form, so a border draws it). */
    border-inline-start: 3px solid var(--_danger);
    padding-inline-start: calc(var(--_space) * 0.75);
  }
  li.failure .icon,
  li.failure .badge {
    color: var(--_danger);
  }
  li.failure .icon {
    background: color-mix(in srgb, var(--_danger) 12%, transparent);
  }
  /* Rows are focused from script after "Show older activity" (to continue reading there), never by Tab. */
  li:focus {
    outline: none;
  }
  li:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  time {
    white-space: nowrap;
  }
`;
