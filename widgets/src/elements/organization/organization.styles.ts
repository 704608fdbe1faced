/**
 * Styles of `<acct-organization>` beyond the shared list look and form pieces: its width, the
 * heading with its Rename button, the inline rename form, the invitation form on one line where it
 * fits, and the roles and "Expired" badge in quieter colours.
 */
import { css } from 'lit';

export const organizationStyles = css`
  :host {
    max-width: var(--acct-organization-max-width, 40rem);
  }
  h2:focus {
    outline: none;
  }
  h3 {
    margin: calc(var(--_space) / 2) 0 0;
    font-size: 1.0625em;
  }

  .heading {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2);
  }
  .meta {
    margin: 0;
  }
  .rename {
    gap: calc(var(--_space) / 2);
  }

  .invite {
    grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) auto;
    align-items: start;
    gap: calc(var(--_space) / 2);
  }
  /* The button lines up with the fields, below their labels. */
  .invite > button {
    margin-top: calc(1.5em + var(--_space) / 4);
  }
  @media (max-width: 32rem) {
    .invite {
      grid-template-columns: 1fr;
    }
    .invite > button {
      margin-top: 0;
    }
  }

  .role {
    color: var(--_muted);
    font-size: 0.9375em;
    align-self: center;
  }
  .badge.expired {
    color: var(--_danger);
  }
`;
