/**
 * Where each built-in language's strings are, each part a chunk fetched on first use by the
 * registry: English's areas (its core is built in, en.ts), and the other languages' cores, each of
 * which names its own areas (`export const areas` in fr.ts…), so that a page never carries the
 * addresses of the areas of a language it does not show. Each import names its file literally, so
 * that the bundler makes it a chunk of its own; the compiler checks every table against English's
 * areas. Adding a language is one line here and its files.
 */
import type { TranslationCore } from './en.js';
import type { AreaStrings, StringArea } from './areas.js';

/** Each area of a language, fetched. */
export type AreaChunks = { [A in StringArea]: () => Promise<{ default: AreaStrings[A] }> };

/** What a language's core chunk holds: its strings, and where its areas are. */
export interface LanguageCore {
  strings: TranslationCore;
  areas: AreaChunks;
}

export const ENGLISH_AREAS: AreaChunks = {
  account: () => import('./en-account.js'),
  'api-tokens': () => import('./en-api-tokens.js'),
  'connected-apps': () => import('./en-connected-apps.js'),
  mfa: () => import('./en-mfa.js'),
  notifications: () => import('./en-notifications.js'),
  onboarding: () => import('./en-onboarding.js'),
  providers: () => import('./en-providers.js'),
  reauth: () => import('./en-reauth.js'),
  'second-factor': () => import('./en-second-factor.js'),
  security: () => import('./en-security.js'),
  webhooks: () => import('./en-webhooks.js'),
};

/** The built-in languages but English, by tag. */
export const LANGUAGE_CORES: Readonly<Record<string, () => Promise<LanguageCore>>> = {
  fr: () => import('./fr.js').then((m) => ({ strings: m.fr, areas: m.areas })),
  de: () => import('./de.js').then((m) => ({ strings: m.de, areas: m.areas })),
  es: () => import('./es.js').then((m) => ({ strings: m.es, areas: m.areas })),
  ar: () => import('./ar.js').then((m) => ({ strings: m.ar, areas: m.areas })),
};
