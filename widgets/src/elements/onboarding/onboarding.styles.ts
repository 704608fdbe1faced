/**
 * Styles of `<acct-onboarding>` beyond the shared card, controls and form pieces: its width, the
 * step header, the team rows, the notification table, and the completion screen's check mark,
 * which grows in — unless the user asked their system for reduced motion. The step's content is a
 * size container: the team rows stack and the table tightens when the element is narrow, whatever
 * the width of the window.
 */
import { css } from 'lit';

export const onboardingStyles = css`
  :host {
    max-width: var(--acct-onboarding-max-width, 40rem);
  }
  /* Focused from script when the screen changes, never by Tab: no ring needed. */
  h2:focus {
    outline: none;
  }

  .header {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .content {
    display: grid;
    gap: var(--_space);
    container-type: inline-size;
  }
  .intro,
  ::slotted(*) {
    margin: 0;
  }

  .team {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .team-row {
    grid-template-columns: minmax(0, 3fr) minmax(9rem, 2fr) auto;
    align-items: end;
    border-top: 0;
    padding: 0;
  }
  .team-row .remove {
    margin-bottom: calc(var(--_space) / 4 + 1.5em);
  }
  @container (max-width: 32rem) {
    .team-row {
      grid-template-columns: minmax(0, 1fr);
    }
    .team-row .remove {
      margin-bottom: 0;
      justify-self: start;
    }
    /* Stacked, one teammate's fields need a line between them and the next one's. */
    .team-row + .team-row {
      border-top: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
      padding-top: calc(var(--_space) / 2);
    }
  }

  .matrix {
    border-collapse: collapse;
    width: 100%;
  }
  .matrix th,
  .matrix td {
    padding: calc(var(--_space) / 3) calc(var(--_space) / 2);
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
  }
  .matrix th[scope='row'] {
    text-align: start;
    font-weight: 400;
  }
  .matrix td {
    text-align: center;
  }
  /* A channel's name stays on one line: the events' column is the one that wraps. */
  .matrix thead th:not(:first-child) {
    white-space: nowrap;
  }
  @container (max-width: 30rem) {
    .matrix th,
    .matrix td {
      padding-inline: calc(var(--_space) / 6);
    }
    /* Narrow, the headers are set smaller, so that the channels' names still fit on one line (the
       rule above keeps them whole: German's "E-Mail" would break at its hyphen). */
    .matrix thead th {
      font-size: 0.8em;
    }
    /* So may a long word of an event's name (German's "Produktneuigkeiten"): hyphenated where the
       browser can, else broken, rather than pushing the last channel out of the card. */
    .matrix th[scope='row'] {
      hyphens: auto;
      overflow-wrap: anywhere;
    }
  }

  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
    gap: var(--_space);
  }
  .days {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  .days legend {
    width: 100%;
  }

  .done {
    display: grid;
    justify-items: center;
    text-align: center;
    gap: var(--_space);
  }
  .done-icon {
    color: var(--_link);
  }
  .done-icon svg {
    width: 3.5em;
    height: 3.5em;
  }
  @media (prefers-reduced-motion: no-preference) {
    .done-icon {
      animation: acct-pop 0.45s cubic-bezier(0.2, 0.9, 0.3, 1.3) both;
    }
  }
  @keyframes acct-pop {
    from {
      transform: scale(0.4);
      opacity: 0;
    }
  }
  .done .actions {
    justify-content: center;
  }
  .done .actions .primary {
    margin-inline-start: 0;
  }
`;
