/**
 * Styles of `<acct-sessions>` beyond the shared list look (core/styles/list.styles.ts): its width,
 * and this device's row standing out.
 */
import { css } from 'lit';

export const sessionsStyles = css`
  :host {
    max-width: var(--acct-sessions-max-width, 40rem);
  }
  h2:focus {
    outline: none;
  }
  li[part~='current-item'] .icon {
    color: var(--_link);
    background: color-mix(in srgb, var(--_primary) 12%, transparent);
  }
`;
