/**
 * Styles of `<acct-checklist>` beyond the shared list look (core/styles/list.styles.ts): the panel
 * card, rows with a check box before the icon, done items in a quieter colour, and the collapsed
 * mode — a pill-shaped launcher with the panel opening above it, right-aligned, as suits a corner
 * of the page (the page positions the element itself, e.g. `position: fixed`).
 */
import { css } from 'lit';

export const checklistStyles = css`
  :host {
    max-width: var(--acct-checklist-max-width, 26rem);
  }
  h2:focus {
    outline: none;
  }

  .checklist {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  /* Collapsed: the launcher at the bottom, the panel opening above it. */
  :host([collapsed]) .checklist {
    flex-direction: column-reverse;
    align-items: flex-end;
  }

  .panel {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  :host([collapsed]) .panel {
    width: min(var(--acct-checklist-max-width, 26rem), calc(100vw - 2rem));
    max-height: min(70vh, 40rem);
    overflow: auto;
    box-shadow: 0 10px 30px color-mix(in srgb, var(--_text) 18%, transparent);
  }

  .launcher {
    border-radius: 999px;
    background: var(--_surface);
    box-shadow: 0 6px 20px color-mix(in srgb, var(--_text) 18%, transparent);
  }
  .launcher-icon svg {
    width: 1.25em;
    height: 1.25em;
  }

  .header {
    display: grid;
    gap: calc(var(--_space) / 3);
  }
  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }

  li {
    grid-template-columns: auto auto minmax(0, 1fr) auto;
    align-items: center;
    padding: calc(var(--_space) / 2) 0;
  }
  li[part~='completed-item'] .title {
    color: var(--_muted);
  }
  li[part~='completed-item'] .title a {
    color: inherit;
  }
  li[part~='completed-item'] .icon {
    color: var(--_link);
  }
  .title a {
    color: var(--_link);
  }

  .dismiss {
    min-height: 2.25em;
    min-width: 2.25em;
    padding: 0;
    border-color: transparent;
    color: var(--_muted);
  }
  .dismiss svg {
    width: 1.1em;
    height: 1.1em;
  }

  .footer {
    justify-content: space-between;
  }
`;
