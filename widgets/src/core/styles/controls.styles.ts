/**
 * Controls every acct element draws the same way: buttons (default, `.primary`, `.danger`,
 * `.link`), text fields, selects and text areas, the focus ring, and messages (status, error, field error, success).
 * Colours, font, radius and spacing come from the theme's private tokens (core/theme.ts), so a site
 * restyles through `--acct-*` properties and `::part()` rather than by overriding these rules.
 */
import { css } from 'lit';

export const controlStyles = css`
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_input);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 0.75);
    min-height: 2.75em;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }

  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
    min-height: 2.75em;
    cursor: pointer;
    color: var(--_text);
    background: transparent;
    border: 1px solid var(--_border);
  }
  button.primary,
  .button.primary {
    color: var(--_on-primary);
    background: var(--_primary);
    border-color: var(--_primary);
  }
  button.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  button.link {
    min-height: auto;
    padding: 0;
    border: 0;
    font-weight: 400;
    color: var(--_link);
    text-decoration: underline;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  /* Small buttons inside list rows. */
  button.small {
    min-height: 2.25em;
    padding: calc(var(--_space) / 4) calc(var(--_space) * 0.75);
  }

  /* An outline rather than a box-shadow: it survives forced-colours mode, and does not fight
     the invalid field's inset shadow. */
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .hint,
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
  .notice {
    margin: 0;
    padding: calc(var(--_space) / 2) calc(var(--_space) * 0.75);
    border-inline-start: 3px solid var(--_primary);
    background: color-mix(in srgb, var(--_primary) 8%, transparent);
  }
  .notice:empty {
    display: none;
  }

  /* A polite live region: in the DOM from the start, so screen readers are already watching it
     when text arrives, but taking no room in a grid while empty. */
  .live:empty {
    position: absolute;
  }

  /* Text for screen readers only (e.g. a live region's announcement, or the words behind an icon). */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
