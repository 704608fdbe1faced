/**
 * Styles of `<acct-connected-apps>` beyond the shared list look (core/styles/list.styles.ts): its
 * width, the intro line, the section headings, and the apps' icons.
 */
import { css } from 'lit';

export const connectedAppsStyles = css`
  :host {
    max-width: var(--acct-connected-apps-max-width, 40rem);
  }
  h2:focus {
    outline: none;
  }
  .intro {
    margin: calc(var(--_space) * -0.5) 0 0;
    color: var(--_muted);
  }
  h3 {
    margin: var(--_space) 0 calc(var(--_space) * 0.5);
    font-size: 1em;
  }
  .icon img {
    width: 1.5rem;
    height: 1.5rem;
    object-fit: contain;
  }
  .account {
    overflow-wrap: anywhere;
  }
`;
