/**
 * The account lists (`<acct-sessions>`, `<acct-login-history>`, `<acct-passkeys>`, the members of
 * `<acct-organization>`…): a card with a heading, then rows of an icon, a main line, secondary
 * lines and, on the right, the row's actions (`.row-actions`) or a short trailing detail
 * (`.row-end`); badges; and the card's footer of list-wide actions. One set of rules so that the
 * lists look like one product.
 *
 * Narrow lists (a phone, or a narrow column of a wide page) put the actions and the trailing detail
 * under the text instead of beside it: a container query on the list, so what counts is the room
 * the element has, not the width of the window. Long words and addresses wrap rather than overflow.
 */
import { css } from 'lit';

export const listStyles = css`
  :host {
    line-height: 1.5;
  }

  .base {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.25);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  /* The card's column as wide as the card, whatever a select would like (long options in German). */
  .base > * {
    min-inline-size: 0;
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.25;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    container-type: inline-size;
  }

  li {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: calc(var(--_space) * 0.75);
    align-items: start;
    padding: calc(var(--_space) * 0.75) 0;
    border-top: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
  }
  li:first-child {
    border-top: 0;
  }

  .icon {
    display: inline-grid;
    place-items: center;
    width: 2.25em;
    height: 2.25em;
    border-radius: 50%;
    color: var(--_muted);
    background: color-mix(in srgb, var(--_text) 7%, transparent);
  }
  .icon svg {
    width: 1.25em;
    height: 1.25em;
  }

  .main {
    display: grid;
    gap: 0.1em;
    min-width: 0;
  }
  .title {
    margin: 0;
    font-weight: 600;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    /* A long address or device name breaks rather than pushing the row's actions aside. */
    overflow-wrap: anywhere;
  }
  .meta {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
    overflow-wrap: anywhere;
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    font-size: 0.8125em;
    font-weight: 600;
    padding: 0 0.6em;
    border-radius: 999px;
    border: 1px solid currentColor;
    color: var(--_link);
    white-space: nowrap;
  }

  .row-actions,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
    justify-content: flex-end;
  }
  /* The inline confirmation takes the whole row under the details. */
  .confirm {
    grid-column: 2 / -1;
    justify-content: flex-start;
  }

  @container (max-width: 30rem) {
    li {
      grid-template-columns: auto minmax(0, 1fr);
    }
    li > .row-actions,
    li > .row-end {
      grid-column: 2 / -1;
      justify-content: flex-start;
      justify-self: start;
    }
  }
  .confirm p {
    margin: 0;
    flex-basis: 100%;
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
`;
