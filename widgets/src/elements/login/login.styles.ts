/**
 * Styles of `<acct-login>`: a card holding a one-column form. Colours, font, radius and spacing
 * come from the theme's private tokens (core/theme.ts), so a site restyles through `--acct-*`
 * properties and `::part()` rather than by overriding these rules.
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
  .field,
  .actions {
    display: grid;
  }
  form {
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

  label {
    font-weight: 600;
  }

  input {
    font: inherit;
    color: var(--_text);
    background: var(--_input);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 0.75);
    min-height: 2.75em;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }

  button {
    font: inherit;
    font-weight: 600;
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
    min-height: 2.75em;
    cursor: pointer;
    color: var(--_text);
    background: transparent;
    border: 1px solid var(--_border);
  }
  button.primary {
    color: var(--_on-primary);
    background: var(--_primary);
    border-color: var(--_primary);
  }
  button.link {
    min-height: auto;
    padding: 0;
    border: 0;
    color: var(--_primary);
    text-decoration: underline;
  }

  /* An outline rather than a box-shadow: it survives forced-colours mode, and does not fight
     the invalid field's inset shadow. */
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .hint,
  .switch,
  .status {
    margin: 0;
    color: var(--_muted);
  }
  .field-error,
  .error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .field-error:empty,
  .error:empty {
    display: none;
  }
`;
