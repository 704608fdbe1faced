/**
 * Styles of `<acct-passkeys>` beyond the shared list look (core/styles/list.styles.ts): its width,
 * the intro line, the "This device only" badge in a quieter colour than "Synced", and the inline
 * rename form that takes the place of a passkey's name.
 */
import { css } from 'lit';

export const passkeysStyles = css`
  :host {
    max-width: var(--acct-passkeys-max-width, 40rem);
  }
  h2:focus {
    outline: none;
  }
  .intro {
    margin: calc(var(--_space) * -0.5) 0 0;
    color: var(--_muted);
  }
  .badge.device {
    color: var(--_muted);
  }

  .rename {
    display: grid;
    gap: calc(var(--_space) / 4);
  }
  .rename label {
    font-weight: 600;
  }
  .rename-controls {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  .rename input {
    flex: 1 1 12rem;
    min-width: 0;
    min-height: 2.25em;
  }
`;
