/**
 * Styles of `<acct-reauth-dialog>` beyond the shared modal card (core/styles/modal.styles.ts): a
 * narrower card, and the room its form and error line take.
 */
import { css } from 'lit';

export const reauthDialogStyles = css`
  :host {
    --_modal-width: 26rem;
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
`;
