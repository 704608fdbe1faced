/**
 * Styles of `<acct-data-export>` beyond the shared list and control look: its width, the format
 * choice as a row of radio buttons that wraps on a narrow screen, and the status badges.
 */
import { css } from 'lit';

export const dataExportStyles = css`
  :host {
    max-width: var(--acct-data-export-max-width, 40rem);
  }
  fieldset {
    border: 0;
    margin: 0 0 var(--_space);
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) var(--_space);
  }
  legend {
    font-weight: 600;
    margin-block-end: calc(var(--_space) * 0.5);
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.4);
  }
  h3 {
    font-size: 1rem;
    margin-block: calc(var(--_space) * 1.5) calc(var(--_space) * 0.5);
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }
  .expired {
    color: var(--_muted);
  }
`;
