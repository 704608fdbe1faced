/**
 * Form pieces the onboarding elements share beyond the basic controls (controls.styles.ts):
 * labelled fields, taller text areas, check boxes and radio buttons
 * (which the shared `input` rule would otherwise pad like text fields), groups with a legend,
 * rows of buttons, and the progress bar. Colours and sizes come from the theme's private tokens.
 */
import { css } from 'lit';

export const formStyles = css`
  form,
  .field,
  fieldset {
    display: grid;
  }
  /* A column as wide as the form: a select as wide as its longest option would widen the card. */
  :is(form, .field, fieldset) > * {
    min-inline-size: 0;
  }
  form {
    gap: var(--_space);
  }
  .field {
    gap: calc(var(--_space) / 4);
  }
  label,
  legend {
    font-weight: 600;
  }

  textarea {
    resize: vertical;
    min-height: 5em;
  }

  input[type='checkbox'],
  input[type='radio'] {
    min-height: auto;
    width: 1.15em;
    height: 1.15em;
    margin: 0;
    padding: 0;
    accent-color: var(--_primary);
    flex: none;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5em;
    font-weight: 400;
  }

  fieldset {
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: calc(var(--_space) / 2);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  /* The main action sits at the far end, after Back and Skip. */
  .actions .primary {
    margin-inline-start: auto;
  }

  .progress {
    height: 0.5em;
    border-radius: 999px;
    overflow: hidden;
    background: color-mix(in srgb, var(--_border) 35%, transparent);
  }
  .progress-value {
    height: 100%;
    border-radius: inherit;
    background: var(--_primary);
  }
  @media (prefers-reduced-motion: no-preference) {
    .progress-value {
      transition: width 0.3s ease-out;
    }
  }
  /* In forced-colours mode backgrounds vanish: draw the bar's outline and fill with system colours. */
  @media (forced-colors: active) {
    .progress {
      border: 1px solid CanvasText;
    }
    .progress-value {
      background: Highlight;
    }
  }
`;
