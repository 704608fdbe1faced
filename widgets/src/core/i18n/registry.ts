/**
 * The languages the elements speak, and the site's say over them (docs/elements/languages.md):
 * the built-in ones (English, the fallback, then French, German, Spanish and Arabic), languages a
 * site registers, strings a site overrides, and the languages a site allows. Sites reach it as
 * `window.acct.translations` (acct.ts) or by importing `translations` from acct.js.
 *
 * A site's strings are a partial tree over English: whatever it leaves out reads as the language
 * it extends (English for a new language), so a site never shows a blank. Elements re-render when
 * anything here changes (acct-element.ts listens).
 */
import { ar } from './ar.js';
import { de } from './de.js';
import { en, type Translation } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

/** Every language built into acct.js, English first. Adding one is one line here (and its files). */
export const BUILT_IN_LANGUAGES: readonly Translation[] = [en, fr, de, es, ar];

/**
 * Strings a site supplies: any part of the `Translation` tree. A message that takes values (a
 * function in en.ts) may also be given as a plain string when the site's sentence needs none.
 */
export type TranslationStrings<T = Translation> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => string
    ? T[K] | string
    : T[K] extends Record<string, unknown>
      ? TranslationStrings<T[K]>
      : T[K];
};

const known = new Map<string, Translation>(BUILT_IN_LANGUAGES.map((t) => [t.$lang, t]));
let allowed: readonly string[] | undefined;
const listeners = new Set<() => void>();

const normalise = (tag: string) => tag.trim().toLowerCase();
const isTree = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `base` with `strings` laid over it, key by key. A value of the wrong kind (an object for a
 * sentence, a function for a plain string) is left out with a warning rather than breaking an
 * element at render time; keys English lacks are kept, since keyed sections (`errors`, `roles`,
 * `fields`…) take a site's own codes.
 */
function overlay(
  base: Record<string, unknown>,
  strings: Record<string, unknown>,
  path: string,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(strings)) {
    const where = path ? `${path}.${key}` : key;
    const current = base[key];
    if (isTree(current) && isTree(value)) merged[key] = overlay(current, value, where);
    else if (typeof current === 'function' && typeof value === 'string') merged[key] = () => value;
    else if (value !== undefined && (current === undefined || typeof value === typeof current)) merged[key] = value;
    else console.warn(`acct: translations: ${where} must be a ${typeof current}; keeping the built-in one.`);
  }
  return merged;
}

function notify(): void {
  listeners.forEach((listener) => listener());
}

/** The site's API over the elements' languages (`window.acct.translations`). */
export const translations = {
  /**
   * Adds a language (or replaces one the site added): `strings` over English, or over `base`'s
   * strings — e.g. `register('pt-br', {...}, { base: 'pt' })`. Set `$dir: 'rtl'` for a right-to-left
   * language.
   */
  register(lang: string, strings: TranslationStrings, { base = 'en' }: { base?: string } = {}): void {
    const tag = normalise(lang);
    const from = known.get(normalise(base)) ?? en;
    known.set(tag, { ...overlay(from, strings, ''), $lang: tag } as Translation);
    notify();
  },

  /** Changes some strings of a language the elements already speak, e.g. `override('en', { signIn: 'Log in' })`. */
  override(lang: string, strings: TranslationStrings): void {
    const tag = normalise(lang);
    const current = known.get(tag);
    if (!current) {
      console.warn(`acct: translations: no language "${tag}" to override; registering it over English.`);
      this.register(tag, strings);
      return;
    }
    known.set(tag, { ...overlay(current, strings, ''), $lang: current.$lang } as Translation);
    notify();
  },

  /**
   * Only these languages are shown; any other reads as the first of them (English when it is
   * among them or none is known). `undefined` allows every language again.
   */
  allow(languages: readonly string[] | undefined): void {
    allowed = languages?.map(normalise);
    notify();
  },

  /** The languages the elements speak now (built-in and registered, narrowed by `allow`). */
  languages(): string[] {
    return [...known.keys()].filter((tag) => !allowed || allowed.includes(tag));
  },

  /** The strings for a BCP 47 tag: the exact tag (`pt-br`), then its language (`pt`), then the fallback. */
  lookup(lang: string): Translation {
    const tag = normalise(lang);
    const usable = (candidate: string) => (!allowed || allowed.includes(candidate) ? known.get(candidate) : undefined);
    return usable(tag) ?? usable(tag.split('-')[0] ?? '') ?? this.fallback();
  },

  /** What an unknown or disallowed language reads as: English, unless the site allowed only others. */
  fallback(): Translation {
    if (!allowed || allowed.includes('en')) return en;
    return allowed.map((tag) => known.get(tag)).find((t) => t !== undefined) ?? en;
  },

  /** Calls `listener` after every change; returns what stops it. */
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** Forgets the site's languages, overrides and allow-list (for tests). */
  reset(): void {
    known.clear();
    for (const t of BUILT_IN_LANGUAGES) known.set(t.$lang, t);
    allowed = undefined;
    notify();
  },
};
