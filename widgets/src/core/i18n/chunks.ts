/**
 * Where each built-in language's strings are, each part a chunk fetched on first use by the
 * registry: the built-in languages' cores but English's (which comes with the elements' code,
 * index.ts), each of which names its own areas (`export const areas` in en.ts, fr.ts…), so that a
 * page never carries the addresses of the areas of a language it does not show. Each import
 * names its file literally, so that the bundler makes it a chunk of its own; the compiler checks
 * every table against English's areas. Adding a language is one line here and its files.
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

/**
 * The built-in languages but English, by tag: each core's module, which exports its strings as
 * `strings` (besides under its tag, `fr`, for the npm package's users) and its areas' table.
 */
export const LANGUAGE_CORES: Readonly<Record<string, () => Promise<LanguageCore>>> = {
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  es: () => import('./es.js'),
  ar: () => import('./ar.js'),
};
