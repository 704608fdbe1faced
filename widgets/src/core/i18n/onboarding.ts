/**
 * Language choice and messages for the onboarding elements, beside the sign-in elements' own
 * (index.ts): `onboardingStrings(lang)` picks a language as `localize` does, and the error
 * helpers translate the codes only these elements meet (`step_required`, `already_member`…),
 * falling back to the shared messages for every other code.
 */
import { ApiError } from '../api-client.js';
import { errorMessage, type Translation } from './index.js';
import { onboardingEn, type OnboardingStrings } from './onboarding-en.js';
import { onboardingFr } from './onboarding-fr.js';

export type { OnboardingStrings };

const languages = new Map<string, OnboardingStrings>([
  ['en', onboardingEn],
  ['fr', onboardingFr],
]);

/** The strings for a BCP 47 tag such as `fr` or `fr-CA`; English when unsupported. */
export function onboardingStrings(lang: string): OnboardingStrings {
  const tag = lang.trim().toLowerCase();
  return languages.get(tag) ?? languages.get(tag.split('-')[0] ?? '') ?? onboardingEn;
}

/** A message for the user: an onboarding code's own, else the shared one (which never shows the server's English). */
export function onboardingErrorMessage(t: Translation, o: OnboardingStrings, error: unknown): string {
  if (error instanceof ApiError && Object.hasOwn(o.errors, error.code)) return o.errors[error.code]!;
  return errorMessage(t, error);
}

/** A field's message for the code a 400 `invalid_request` gave it; unknown codes read "Check this field." */
export function fieldErrorMessage(o: OnboardingStrings, code: string): string {
  return Object.hasOwn(o.fields, code) ? o.fields[code]! : o.fields.invalid!;
}

/** The field messages of a 400 `invalid_request`, keyed by the server's field path (`invitations.0.email`); empty for any other error. */
export function fieldErrors(o: OnboardingStrings, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.fields) return {};
  return Object.fromEntries(Object.entries(error.fields).map(([path, code]) => [path, fieldErrorMessage(o, code)]));
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
