/**
 * Templates for the labelled fields of the onboarding elements' forms: a text field (or text
 * area) and a select (their progress bar is progress-bar.ts). Each field wires its label, hint and error message to the
 * control (`for`, `aria-describedby`, `aria-invalid`), so screen readers read them together, and
 * takes its error as text already translated. Values are set as properties once per render of a
 * new value, so what the user types survives re-renders (Lit only writes a value that changed).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * Whether an address is worth sending: one @ with text both sides and no spaces, as the sign-in
 * form's `type="email"` field checks; the server has the last word.
 */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+$/.test(value);

/** A document-safe id for a field name like `invitations.0.email` (shadow roots scope ids; dots are fine, but not in CSS selectors). */
export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export interface TextFieldOptions {
  /** The form field's name; also the key of its error (the server's field path). */
  name: string;
  label: string;
  type?: 'text' | 'email' | 'url' | 'time' | 'password';
  value?: string;
  hint?: string;
  error?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  /** A text area instead of a one-line field. */
  multiline?: boolean;
  /** Hides the label visually (it is still the field's name), for fields in a row that a heading already explains. */
  hiddenLabel?: boolean;
}

function describedBy(id: string, hint: boolean, error: boolean): string | typeof nothing {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
}

function renderHelp(id: string, hint: string | undefined, error: string | undefined): TemplateResult {
  return html`${hint ? html`<p part="hint" class="hint" id="${id}-hint">${hint}</p>` : nothing}
    <p part="field-error" class="field-error" id="${id}-error">${error ?? nothing}</p>`;
}

export function textField(options: TextFieldOptions): TemplateResult {
  const id = fieldId(options.name);
  const invalid = options.error ? 'true' : 'false';
  const described = describedBy(id, Boolean(options.hint), Boolean(options.error));
  const control = options.multiline
    ? html`<textarea part="input" id=${id} name=${options.name} rows="3" maxlength=${ifDefined(options.maxlength)}
        ?required=${Boolean(options.required)} .value=${options.value ?? ''} aria-invalid=${invalid} aria-describedby=${described}></textarea>`
    : html`<input part="input" id=${id} name=${options.name} type=${options.type ?? 'text'} autocomplete=${ifDefined(options.autocomplete)}
        maxlength=${ifDefined(options.maxlength)} ?required=${Boolean(options.required)} .value=${options.value ?? ''}
        aria-invalid=${invalid} aria-describedby=${described} />`;
  return html`<div part="field" class="field">
    <label part="label" for=${id} class=${options.hiddenLabel ? 'visually-hidden' : ''}>${options.label}</label>
    ${control} ${renderHelp(id, options.hint, options.error)}
  </div>`;
}

export interface SelectFieldOptions {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value: string;
  error?: string | undefined;
  hiddenLabel?: boolean;
  onChange?: (event: Event) => void;
}

export function selectField(options: SelectFieldOptions): TemplateResult {
  const id = fieldId(options.name);
  return html`<div part="field" class="field">
    <label part="label" for=${id} class=${options.hiddenLabel ? 'visually-hidden' : ''}>${options.label}</label>
    <select part="select" id=${id} name=${options.name} aria-invalid=${options.error ? 'true' : 'false'}
      aria-describedby=${describedBy(id, false, Boolean(options.error))} @change=${options.onChange}>
      ${options.options.map((o) => html`<option value=${o.value} ?selected=${o.value === options.value}>${o.label}</option>`)}
    </select>
    ${renderHelp(id, undefined, options.error)}
  </div>`;
}
