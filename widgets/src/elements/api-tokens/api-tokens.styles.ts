/**
 * Styles of `<acct-api-tokens>` beyond the shared list and control look: its width, labelled
 * fields (label above a control as wide as the form), the scope checkboxes one per line, token
 * rows that wrap on a narrow screen, and the copy-once dialog as a card over a dimmed page.
 * `<acct-webhooks>` shares them. The empty live region is the shared controls' (taking no room,
 * yet shown, so that screen readers watch it before its text arrives).
 */
import { css } from 'lit';

export const apiTokensStyles = css`
  :host {
    max-width: var(--acct-api-tokens-max-width, 44rem);
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin-block-end: var(--_space);
  }
  /*
   * A text field's or select's label above it, and the control as wide as the form: without this
   * (form.styles.ts is not loaded here) label and control sat side by side, the control at the
   * browser's narrow default width.
   */
  fieldset,
  .field {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.4);
  }
  .field {
    gap: calc(var(--_space) / 4);
  }
  legend,
  .field label {
    font-weight: 600;
  }
  /* The browser pads a legend; without that it lines up with the labels and checkboxes. */
  legend {
    padding: 0;
    margin-block-end: calc(var(--_space) * 0.4);
  }
  label[part~='scope'] {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.5);
    min-height: 1.75em;
  }
  label[part~='scope'] input {
    min-height: auto;
    margin-block-start: 0.25em;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
    overflow-wrap: anywhere;
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
  .summary {
    min-width: 0;
    flex: 1 1 16rem;
  }
  .summary p {
    margin: 0;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .expired .name {
    color: var(--_muted);
  }
  /* The rest of the inline confirmation's look is the shared list's (list.styles.ts). */
  .confirm {
    flex-basis: 100%;
  }
  dialog {
    width: min(32rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 1.5);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-family: var(--_font);
    font-size: var(--_font-size);
  }
  dialog::backdrop {
    background: color-mix(in srgb, #000 45%, transparent);
  }
  dialog h2 {
    margin: 0 0 var(--_space);
    font-size: 1.25em;
  }
  dialog input {
    width: 100%;
    box-sizing: border-box;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin-block-start: var(--_space);
  }
  /*
   * While the new token's dialog is open the card behind it is hidden rather than dimmed: nothing
   * there can be used meanwhile, and the one-time secret should have the user's whole attention.
   */
  .covered {
    visibility: hidden;
  }
`;
