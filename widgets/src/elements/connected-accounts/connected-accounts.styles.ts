/**
 * Styles of `<acct-connected-accounts>` beyond the shared list look (core/styles/list.styles.ts):
 * its width, the intro line, the "Link another account" buttons, and the quieter note that takes the place of "Unlink" on the last
 * way to sign in.
 */
import { css } from 'lit';

export const connectedAccountsStyles = css`
  :host {
    max-width: var(--acct-connected-accounts-max-width, 40rem);
  }
  h2:focus {
    outline: none;
  }
  .intro {
    margin: calc(var(--_space) * -0.5) 0 0;
    color: var(--_muted);
  }
  .link h3 {
    margin: var(--_space) 0 calc(var(--_space) * 0.5);
    font-size: 1em;
  }
  .link-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .last-method {
    margin: 0;
    color: var(--_muted);
  }
`;
