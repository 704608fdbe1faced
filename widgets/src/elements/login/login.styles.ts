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
    /* Addresses, origins and setting names are long words: they break rather than overflow. */
    overflow-wrap: anywhere;
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
    border-inline-end-color: transparent;
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
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 0.75);
    border-inline-start: 3px solid var(--_primary);
    background: color-mix(in srgb, var(--_primary) 8%, transparent);
  }
  .wait p {
    margin: 0;
  }
  /* The text takes the room; on a narrow card, Cancel goes to its own line. */
  .wait > div {
    flex: 1 1 12em;
  }
  .wait-title {
    font-weight: 600;
  }

  /*
   * The placeholder: the same boxes as the form (lengths as in the rules above and in the shared
   * controls), its words in no colour on the placeholder's tint, so that it takes the form's room.
   */
  .bone,
  .ghost {
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_text) 9%, transparent);
  }
  .ghost {
    color: transparent;
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
  }
  .ghost.whole {
    display: inline-block;
  }
  .ghost-heading {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.25;
    font-weight: 700;
  }
  .ghost-label {
    font-weight: 600;
  }
  .bone-input {
    display: block;
    height: 2.75em;
  }
  .bone-button {
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75em;
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid transparent;
    font-weight: 600;
    color: transparent;
  }
`;
