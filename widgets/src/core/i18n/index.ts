/**
 * The elements' one string set per language and its one lookup: `localize(lang)` picks the
 * translation for a language tag — the exact tag (`fr-ca`), then its primary language (`fr`), then
 * English (registry.ts holds the languages and the site's own). Also turns any error into a
 * localised message, keyed by its code, and the field codes of a 400 `invalid_request` into
 * messages.
 */
import { isolateValues } from '../../../../contract/bidi.js';
import { ApiError } from '../api-client.js';
import { areas, en, type ErrorCode, type Translation } from './en.js';
import { builtInEnglish, translations } from './registry.js';

// English's core, the fallback, comes with this module, which every element imports, rather than
// with the registry, which the loader carries (a page with acct.js and no element fetches none).
builtInEnglish({ strings: en, areas });

export type { Translation, ErrorCode };
export { translations, type TranslationStrings } from './registry.js';

/** Each right-to-left translation the registry gave, with its values isolated; forgotten with it. */
const isolated = new WeakMap<Translation, Translation>();

/**
 * The translation for a BCP 47 tag such as `fr`, `fr-CA` or `ar-EG`: the exact tag, then its
 * language, then English (or the site's first allowed language, registry.ts). A built-in language
 * not fetched yet reads as the fallback until `translations.load` brings it. Right to left, each
 * value keeps its own order in the sentence (contract/bidi.ts): done here, for what the elements
 * show, rather than in the registry, which the loader carries to every page.
 */
export function localize(lang: string): Translation {
  const strings = translations.lookup(lang);
  if (strings.$dir !== 'rtl') return strings;
  let rightToLeft = isolated.get(strings);
  if (!rightToLeft) isolated.set(strings, (rightToLeft = isolateValues(strings)));
  return rightToLeft;
}

/**
 * The error's code when `t` has a message for it, else `unknown`. An area's codes have messages
 * once the area is here, which it is for the elements that meet them (areas.ts).
 */
export function errorCode(t: Translation, error: unknown): ErrorCode {
  const code = error instanceof ApiError ? error.code : undefined;
  return code !== undefined && Object.hasOwn(t.errors, code) ? (code as ErrorCode) : 'unknown';
}

/**
 * A message for the user. Codes without a translation get the generic message rather than the
 * server's English text, so a French page never shows a sentence in English. A 429 that says how
 * long to wait (`Retry-After`) says it too: "Try again in 5 minutes."
 */
export function errorMessage(t: Translation, error: unknown): string {
  const code = errorCode(t, error);
  if (code === 'too_many_requests' && error instanceof ApiError && error.retryAfter) {
    return t.tooManyRequestsWait(inSeconds(t.$lang, error.retryAfter));
  }
  return t.errors[code];
}

/**
 * "in 45 seconds", "in 5 minutes", "in 2 hours": a wait in the largest unit that keeps it a whole
 * number the reader can act on, rounded up so that nobody retries too early.
 */
export function inSeconds(lang: string, seconds: number): string {
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });
  if (seconds < 60) return format.format(Math.ceil(seconds), 'second');
  if (seconds < 3600) return format.format(Math.ceil(seconds / 60), 'minute');
  return format.format(Math.ceil(seconds / 3600), 'hour');
}

/** A field's message for the code a 400 `invalid_request` gave it; unknown codes read "Check this field." */
export function fieldErrorMessage(t: Translation, code: string): string {
  return Object.hasOwn(t.fields, code) ? t.fields[code]! : t.fields.invalid!;
}

/** The field messages of a 400 `invalid_request`, keyed by the server's field path (`invitations.0.email`); empty for any other error. */
export function fieldErrors(t: Translation, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.fields) return {};
  return Object.fromEntries(Object.entries(error.fields).map(([path, code]) => [path, fieldErrorMessage(t, code)]));
}

/**
 * How a key the site did not label reads: `stage-manager` → "Stage manager". Translated names for
 * known keys come first (`known`), e.g. the template categories.
 */
export function labelFor(key: string, known: Record<string, string> = {}): string {
  if (Object.hasOwn(known, key)) return known[key]!;
  const words = key.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}
