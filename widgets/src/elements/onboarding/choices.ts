/**
 * The options `<acct-onboarding>` offers before the walk starts. A site lists them in the `roles`
 * and `use-cases` attributes — comma-separated entries, each a value or `value=Label`, e.g.
 * `roles="producer=Producer, stage-manager=Stage manager"` (commas, because labels have spaces);
 * without the attribute, the roles and use cases the server's paths target are offered, their
 * keys made readable (`stage-manager` → "Stage manager").
 */
import { labelFor } from '../../core/i18n/index.js';

export interface ChoiceOption {
  value: string;
  label: string;
}

/** Parses `producer=Producer, crew`: blank entries are dropped, and so are repeated values. */
export function parseOptions(attribute: string): ChoiceOption[] {
  const seen = new Set<string>();
  const options: ChoiceOption[] = [];
  for (const entry of attribute.split(',')) {
    const [rawValue = '', ...rest] = entry.split('=');
    const value = rawValue.trim();
    if (!value || seen.has(value)) continue;
    seen.add(value);
    const label = rest.join('=').trim();
    options.push({ value, label: label || labelFor(value) });
  }
  return options;
}

/** The attribute's options when it has any, else the server's values. */
export function optionsFor(attribute: string, fromServer: string[]): ChoiceOption[] {
  const listed = parseOptions(attribute);
  return listed.length ? listed : fromServer.map((value) => ({ value, label: labelFor(value) }));
}
