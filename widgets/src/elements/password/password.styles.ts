/** Styles of `<acct-password>`: a narrow card of three fields. */
import { css } from 'lit';

export const passwordStyles = css`
  :host {
    max-inline-size: var(--acct-password-max-width, 30rem);
  }
  .base {
    grid-template-columns: minmax(0, 1fr);
  }
  .status:empty,
  .form-error:empty {
    display: none;
  }
`;
