/**
 * The languages acct writes its emails and hosted pages in, and how one is chosen: a stored
 * choice (the user's `locale`, the language kept with an emailed link) wins, then the request's
 * `Accept-Language` (the elements send their page's language in it), then ACCT_DEFAULT_LANGUAGE.
 * Tags match by their primary language (`fr-CA` is French), as the elements' `localize()` does.
 */
import { isolateValues } from '../../contract/bidi';
import { ar } from './ar';
import { de } from './de';
import { en, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';

export type { Messages };

/** Every language acct speaks, English (the fallback) first. A server may allow fewer (ACCT_LANGUAGES). */
export const SUPPORTED_LANGUAGES = ['en', 'fr', 'de', 'es', 'ar'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * A language's messages as written, but right to left, where each value a message puts in its
 * sentence is isolated to keep its own order (contract/bidi.ts): whichever language says `rtl`.
 */
const withValuesInOrder = (messages: Messages): Messages =>
  messages.$dir === 'rtl' ? isolateValues(messages) : messages;

const MESSAGES = Object.fromEntries(
  Object.entries({ en, fr, de, es, ar }).map(([language, strings]) => [language, withValuesInOrder(strings)]),
) as Record<Language, Messages>;

/** What the server's settings say about languages (ACCT_DEFAULT_LANGUAGE, ACCT_LANGUAGES: all when absent). */
export interface LanguageSettings {
  defaultLanguage: Language;
  languages?: readonly Language[];
}

/** The strings of a supported language. */
export function messages(language: Language): Messages {
  return MESSAGES[language];
}

/** The supported language a BCP 47 tag names (`fr`, `FR-ca`), or undefined. */
export function matchLanguage(tag: unknown): Language | undefined {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LANGUAGES.find((language) => language === primary);
}

/** Headers longer than this are cut: no browser sends one, and parsing stays cheap whatever comes. */
const MAX_HEADER_LENGTH = 1000;

/**
 * The most preferred supported language of an `Accept-Language` header (RFC 9110 §12.5.4):
 * ranges by descending q-value, in header order on ties; `q=0` means "not this one", `*` names no
 * language in particular. Undefined when the header names none that acct speaks and `allowed` allows.
 */
export function acceptedLanguage(
  header: string | undefined,
  allowed: readonly Language[] = SUPPORTED_LANGUAGES,
): Language | undefined {
  if (!header) return undefined;
  const ranges = header
    .slice(0, MAX_HEADER_LENGTH)
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => /^q=/i.test(p));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      const language = matchLanguage(tag);
      return {
        language: language && allowed.includes(language) ? language : undefined,
        weight: Number.isFinite(weight) ? weight : 0,
        order,
      };
    })
    .filter((range) => range.language !== undefined && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return ranges[0]?.language;
}

/**
 * The first candidate that is a supported language the server allows (stored choices first), else
 * `fallback`. `allowed` is ACCT_LANGUAGES (every supported language by default).
 */
export function pickLanguage(
  candidates: readonly unknown[],
  fallback: Language,
  allowed: readonly Language[] = SUPPORTED_LANGUAGES,
): Language {
  for (const candidate of candidates) {
    const language = matchLanguage(candidate);
    if (language && allowed.includes(language)) return language;
  }
  return fallback;
}
