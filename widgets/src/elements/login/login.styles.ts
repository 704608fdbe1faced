/**
 * Styles of `<acct-login>`: a card holding a one-column form, and the messages that replace it
 * ("check your inbox", signed in); the placeholder shown while loading, drawn on the form's own
 * grid and control heights so the form takes its exact place; the spinner of a working button and
 * the "waiting for your passkey" box. Buttons, fields and messages are the shared controls
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
  .shapes,
  .field,
  .actions {
    display: grid;
  }
  form,
  .message,
  .shapes {
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

  /* A working button keeps its look (it is not disabled, so it keeps focus) but takes no click. */
  button[aria-busy='true'] {
    cursor: progress;
  }
  .spinner {
    flex: none;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: acct-spin 0.8s linear infinite;
  }
  @keyframes acct-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }

  .wait {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 0.75);
    border-left: 3px solid var(--_primary);
    background: color-mix(in srgb, var(--_primary) 8%, transparent);
  }
  .wait p {
    margin: 0;
  }
  .wait-title {
    font-weight: 600;
  }

  /* The placeholder: the same boxes as the form, in a muted tint (lengths as in the form's rules). */
  .bone {
    display: block;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_text) 9%, transparent);
  }
  .bone.title {
    height: calc(1.375em * 1.25);
    width: 65%;
  }
  .bone.label,
  .bone.text {
    height: 1.5em;
    width: 6em;
  }
  .bone.wide {
    width: 14em;
    max-width: 100%;
  }
  .bone.input,
  .bone.button {
    height: 2.75em;
  }
  .forgot .bone {
    margin-inline-start: auto;
    width: 9em;
  }
`;
