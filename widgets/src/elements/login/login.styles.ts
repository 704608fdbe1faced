/**
 * Styles of `<acct-login>`: a card holding a one-column form, and the messages that replace it
 * ("check your inbox", signed in). Buttons, fields and messages are the shared controls
 * (core/styles/controls.styles.ts); colours, font, radius and spacing come from the theme's private
 * tokens (core/theme.ts), so a site restyles through `--acct-*` properties and `::part()`.
 */
import { css } from 'lit';

export const loginStyles = css`
  :host {
    max-width: var(--acct-login-max-width, 26rem);
    line-height: 1.5;
  }

  .base {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  form,
  .message,
  .field,
  .actions {
    display: grid;
  }
  form,
  .message {
    gap: var(--_space);
  }
  .field {
    gap: calc(var(--_space) / 4);
  }
  .actions {
    gap: calc(var(--_space) / 2);
  }

  h2 {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.25;
  }
  /* Focused from script when a view changes (to announce it), never by Tab: no ring needed. */
  h2:focus {
    outline: none;
  }

  .message p {
    margin: 0;
  }

  label {
    font-weight: 600;
  }

  .switch,
  .forgot {
    margin: 0;
    color: var(--_muted);
  }
  /* "Forgot password?" sits right under the password field it is about. */
  .forgot {
    margin-top: calc(var(--_space) * -0.75);
    text-align: end;
  }
`;
