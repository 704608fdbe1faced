/**
 * Styles of `<acct-account>`: a row of tabs over one panel. On a narrow screen the row scrolls
 * sideways (every tab stays one press away, and the selected one is scrolled into view) rather
 * than wrapping into an unreadable block.
 */
import { css } from 'lit';

export const accountStyles = css`
  :host {
    max-inline-size: var(--acct-account-max-width, 48rem);
  }
  .base {
    color: var(--_text);
    background: var(--_surface);
  }
  [role='tablist'] {
    display: flex;
    gap: calc(var(--_space) * 0.25);
    overflow-x: auto;
    scrollbar-width: thin;
    border-block-end: 1px solid var(--_border);
    margin-block-end: var(--_space);
  }
  [role='tab'] {
    flex: none;
    background: none;
    border: 0;
    border-block-end: 2px solid transparent;
    border-radius: 0;
    color: inherit;
    padding-block: calc(var(--_space) * 0.5);
    padding-inline: calc(var(--_space) * 0.75);
    font: inherit;
    cursor: pointer;
    white-space: nowrap;
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--acct-account-tab-indicator, var(--_primary));
    font-weight: 600;
  }
  [role='tab']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  [role='tabpanel'] > * + * {
    margin-block-start: calc(var(--_space) * 1.5);
  }
`;
