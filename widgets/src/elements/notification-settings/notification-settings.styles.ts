/**
 * Styles of `<acct-notification-settings>`: one table per category (event × channel check boxes
 * and a frequency select), which scrolls sideways inside its card on a narrow screen rather than
 * overflowing the page, the notes under locked rows and the push column, and the quiet-hours group.
 */
import { css } from 'lit';

export const notificationSettingsStyles = css`
  :host {
    max-width: var(--acct-notification-settings-max-width, 44rem);
  }
  h2:focus {
    outline: none;
  }
  .intro,
  .note {
    margin: 0;
    color: var(--_muted);
  }
  .table-wrap {
    container-type: inline-size;
  }
  .cell-label {
    display: none;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: calc(var(--_space) * 0.25);
  }
  th,
  td {
    padding: calc(var(--_space) * 0.4);
    text-align: center;
    border-block-start: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
    font-weight: 400;
  }
  thead th {
    font-size: 0.875em;
    color: var(--_muted);
  }
  td select {
    min-inline-size: 8rem;
  }
  /* Long time-zone names must not widen the card past a phone's screen (a fieldset's own minimum
     is its content). */
  fieldset {
    min-inline-size: 0;
  }
  .times > .field {
    flex: 1 1 9rem;
    min-inline-size: 0;
  }
  .quiet select {
    inline-size: 100%;
    min-inline-size: 0;
  }
  .quiet {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .times {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .days {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) var(--_space);
    border: 0;
    padding: 0;
    margin: 0;
  }
  .check {
    display: inline-flex;
    gap: calc(var(--_space) * 0.4);
    align-items: center;
  }

  /* A narrow card (a phone): each row becomes its event's name over its controls, each named. */
  @container (max-width: 34rem) {
    table,
    caption,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      display: none;
    }
    tbody tr {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5) var(--_space);
      align-items: center;
      padding-block: calc(var(--_space) * 0.5);
      border-block-start: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
    }
    th[scope='row'] {
      flex-basis: 100%;
    }
    /* The frequency select shrinks to the card ("Wöchentliche Zusammenfassung" is wider than a phone). */
    td {
      min-inline-size: 0;
      max-inline-size: 100%;
    }
    td select {
      max-inline-size: 100%;
    }
    th,
    td {
      padding: 0;
      border: 0;
    }
    .cell-label {
      display: inline;
    }
  }
`;
