/**
 * Styles of `<acct-organization>` beyond the shared list look and form pieces: its width, the
 * welcome, the heading with its Rename button, the inline rename form, the invitation form on one
 * line where the element is wide enough (a container query: the element may be narrow on a wide
 * page), members' role selects, and the roles and the "Expired" and "No longer valid" badge in
 * quieter colours.
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
  .rename {
    gap: calc(var(--_space) / 2);
  }

  .invite {
    container-type: inline-size;
  }
  .invite-fields {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) auto;
    align-items: start;
    gap: calc(var(--_space) / 2);
  }
  /* The button lines up with the fields, below their labels, in the last column (an admin's form has no role). */
  .invite-fields > button {
    grid-column: -2;
    margin-top: calc(1.5em + var(--_space) / 4);
  }
  @container (max-width: 32rem) {
    .invite-fields {
      grid-template-columns: minmax(0, 1fr);
    }
    .invite-fields > button {
      margin-top: 0;
      justify-self: start;
    }
  }

  .welcome {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 0.75);
    border-inline-start: 3px solid var(--_primary);
    background: color-mix(in srgb, var(--_primary) 8%, transparent);
  }
  .welcome p {
    margin: 0;
  }
  .welcome-title {
    font-weight: 600;
    font-size: 1.0625em;
  }
  .name-form .actions .primary {
    margin-inline-start: 0;
  }

  .role-select {
    min-height: 2.25em;
    padding-block: calc(var(--_space) / 4);
    max-width: 100%;
  }
  .leave {
    padding-top: calc(var(--_space) / 2);
    border-top: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
  }
  .leave .hint {
    flex-basis: 100%;
  }
  /* The last owner's "Leave": there, but plainly not available (the hint under it says why). */
  .leave button[aria-describedby] {
    opacity: 0.6;
    cursor: default;
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
