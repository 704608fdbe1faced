/**
 * Styles of `<acct-webhooks>` beyond the API tokens' (form, rows, copy-once dialog, which it
 * shares): its width, the events picker's categories, an endpoint's row of actions, and the
 * delivery log with its bodies in scrollable monospace blocks (its list and badges otherwise the
 * shared list's, list.styles.ts). Logical properties only (RTL).
 */
import { css } from 'lit';

export const webhooksStyles = css`
  :host {
    max-width: var(--acct-webhooks-max-width, 52rem);
  }
  fieldset.category {
    padding-inline-start: calc(var(--_space) * 0.5);
  }
  fieldset.category legend {
    font-weight: 500;
  }
  label[part~='event'] {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    min-height: 1.75em;
  }
  label[part~='event'] input {
    min-height: auto;
  }
  li[part~='item'] > .actions {
    margin-block-start: 0;
  }
  .disabled-item .name {
    color: var(--_muted);
  }
  .log {
    flex-basis: 100%;
    border-inline-start: 2px solid var(--_border);
    padding-inline-start: var(--_space);
  }
  .delivery {
    display: block;
    padding-block: calc(var(--_space) * 0.5);
  }
  .delivery .line {
    margin: 0 0 calc(var(--_space) * 0.25);
    overflow-wrap: anywhere;
  }
  .badge {
    margin-inline-end: calc(var(--_space) * 0.25);
  }
  pre {
    margin: calc(var(--_space) * 0.25) 0;
    padding: calc(var(--_space) * 0.5);
    max-height: 16rem;
    overflow: auto;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    text-align: start;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.85em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
