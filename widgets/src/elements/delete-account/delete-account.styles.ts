/**
 * Styles of `<acct-delete-account>` beyond the shared controls: its width, the explanation in a
 * quieter colour, the form's fields one under the other, and the destructive button in the
 * danger colour.
 */
import { css } from 'lit';

export const deleteAccountStyles = css`
  :host {
    max-width: var(--acct-delete-account-max-width, 40rem);
  }
  h2:focus {
    outline: none;
  }
  .explain {
    margin: 0;
    padding-inline-start: 1.25em;
    color: var(--_muted);
    display: grid;
    gap: calc(var(--_space) / 4);
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 4);
  }
  label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  select,
  textarea,
  input {
    min-width: 0;
    min-height: 2.25em;
  }
  textarea {
    min-height: 4.5em;
    resize: vertical;
  }
  .danger {
    justify-self: start;
  }
`;
