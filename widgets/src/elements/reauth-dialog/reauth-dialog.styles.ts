/**
 * Styles of `<acct-reauth-dialog>`: a modal dialog card in the theme's colours over a dimmed page,
 * like `<acct-hand-over>`'s. The element itself takes no room (the dialog sits in the top layer).
 */
import { css } from 'lit';

export const reauthDialogStyles = css`
  :host {
    display: contents;
    line-height: 1.5;
  }

  dialog {
    width: min(26rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 1.5);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 16px 48px color-mix(in srgb, #000 30%, transparent);
    font-family: var(--_font);
    font-size: var(--_font-size);
    text-align: start;
  }
  dialog::backdrop {
    background: color-mix(in srgb, #000 45%, transparent);
  }

  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.25em;
    line-height: 1.3;
  }
  p {
    margin: 0 0 var(--_space);
  }
  form {
    margin-block-end: calc(var(--_space) / 2);
  }
  .error {
    color: var(--_danger);
    margin-block: 0 calc(var(--_space) / 2);
  }
  .error:empty {
    display: none;
  }
  .actions {
    justify-content: flex-end;
  }
`;
