/**
 * A modal dialog card in the theme's colours over a dimmed page, for the elements whose whole UI
 * is a `<dialog>` opened with `showModal()` (`<acct-hand-over>`, `<acct-reauth-dialog>`). The
 * host takes no room: the dialog sits in the browser's top layer. An element sets the card's
 * width with `--_modal-width` on its host (the theme's private custom properties, core/theme.ts).
 */
import { css } from 'lit';

export const modalStyles = css`
  :host {
    display: contents;
    line-height: 1.5;
  }

  dialog {
    width: min(var(--_modal-width, 28rem), calc(100vw - 2rem));
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
    overflow-wrap: anywhere;
  }
  p {
    margin: 0 0 var(--_space);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: calc(var(--_space) / 2);
  }
`;
