/**
 * The languages the elements speak, and the site's say over them (docs/elements/languages.md):
 * the built-in ones (English, the fallback, then French, German, Spanish and Arabic), languages a
 * site registers, strings a site overrides, and the languages a site allows. Sites reach it as
 * `window.acct.translations` (the loader, or acct-all.js) or by importing `translations`.
 *
 * English is built in; the other built-in languages are chunks of their own, fetched the first
 * time an element needs one (`load`), so that a page downloads only the language it shows. An
 * element waits for its language before it renders (acct-element.ts), so it never flashes English.
 *
 * A site's strings are a partial tree over English: whatever it leaves out reads as the language
 * it extends (English for a new language), so a site never shows a blank. Elements re-render when
 * anything here changes (acct-element.ts listens).
 */
import { en, type Translation } from './en.js';

/**
 * The built-in languages other than English, each fetched on first use. Adding one is one line
 * here (and its files). Each import names its file literally, so the bundler makes it a chunk.
 */
const LAZY_LANGUAGES: Readonly<Record<string, () => Promise<Translation>>> = {
  fr: () => import('./fr.js').then((m) => m.fr),
  de: () => import('./de.js').then((m) => m.de),
  es: () => import('./es.js').then((m) => m.es),
  ar: () => import('./ar.js').then((m) => m.ar),
};

/** Every built-in language's tag, English first. */
export const BUILT_IN_LANGUAGES: readonly string[] = ['en', ...Object.keys(LAZY_LANGUAGES)];

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

const known = new Map<string, Translation>([['en', en]]);
/** Built-in languages fetched so far, as shipped (what `reset` returns to). */
const fetched = new Map<string, Translation>();
/** Fetches in progress or done, by tag; a failed one is forgotten so that it may be tried again. */
const fetching = new Map<string, Promise<void>>();
/** Built-in languages whose last fetch failed: elements do not wait for them again. */
const failed = new Set<string>();
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

/** The built-in language `tag` reads as once fetched (`fr-ca` → `fr`), when it is not here yet. */
function unfetchedBuiltIn(tag: string): string | undefined {
  for (const candidate of [tag, tag.split('-')[0] ?? '']) {
    if (known.has(candidate)) return undefined;
    if (Object.hasOwn(LAZY_LANGUAGES, candidate)) return candidate;
  }
  return undefined;
}

/**
 * Fetches a built-in language once; until it arrives (or if it cannot), it reads as the fallback.
 * A failed fetch is forgotten but remembered as failed, so that elements render in the fallback
 * rather than fetch again at every update; `translations.load` tries again.
 */
function fetchBuiltIn(tag: string): Promise<void> {
  let pending = fetching.get(tag);
  if (!pending) {
    failed.delete(tag);
    pending = LAZY_LANGUAGES[tag]!().then(
      (strings) => {
        fetched.set(tag, strings);
        if (!known.has(tag)) known.set(tag, strings);
        notify();
      },
      (error: unknown) => {
        fetching.delete(tag);
        failed.add(tag);
        console.warn(`acct: translations: the "${tag}" strings could not be loaded; showing the fallback.`, error);
      },
    );
    fetching.set(tag, pending);
  }
  return pending;
}

/**
 * What `lookup(lang)` still waits for: the built-in language it reads as (and the fallback's, when
 * the site allowed only other languages) if not fetched yet; `undefined` when everything is here,
 * so that an element renders without waiting even a microtask.
 */
export function languageArriving(lang: string): Promise<void> | undefined {
  const wanted = wantedFor(lang).filter((tag) => !failed.has(tag));
  return wanted.length ? Promise.all(wanted.map(fetchBuiltIn)).then(() => undefined) : undefined;
}

/** The built-in languages `lookup(lang)` needs and does not have yet (languageArriving). */
function wantedFor(lang: string): string[] {
  const own = unfetchedBuiltIn(normalise(lang));
  const first = allowed && !allowed.includes('en') && allowed[0] ? unfetchedBuiltIn(allowed[0]) : undefined;
  return [own, first].filter((tag): tag is string => tag !== undefined && (!allowed || allowed.includes(tag)));
}

/** Runs `change` once the built-in language `tag` is here (at once when it is, or is not built in). */
function afterFetch(tag: string, change: () => void): void {
  const builtIn = unfetchedBuiltIn(tag);
  if (builtIn === tag) void fetchBuiltIn(tag).then(change);
  else change();
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
    afterFetch(normalise(base), () => {
      const from = known.get(normalise(base)) ?? en;
      known.set(tag, { ...overlay(from, strings, ''), $lang: tag } as Translation);
      notify();
    });
  },

  /** Changes some strings of a language the elements already speak, e.g. `override('en', { signIn: 'Log in' })`. */
  override(lang: string, strings: TranslationStrings): void {
    const tag = normalise(lang);
    if (unfetchedBuiltIn(tag) === tag) {
      afterFetch(tag, () => this.override(tag, strings));
      return;
    }
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

  /** The languages the elements speak (built-in, fetched or not, and registered), narrowed by `allow`. */
  languages(): string[] {
    const all = new Set([...BUILT_IN_LANGUAGES, ...known.keys()]);
    return [...all].filter((tag) => !allowed || allowed.includes(tag));
  },

  /**
   * Fetches the built-in strings `lang` reads as (and the fallback's, when the site allowed only
   * other languages), if they are not here yet; resolves when `lookup(lang)` gives them, or the
   * fallback if they could not be fetched. Elements call it before rendering.
   */
  load(lang: string): Promise<void> {
    return Promise.all(wantedFor(lang).map(fetchBuiltIn)).then(() => undefined);
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
    known.set('en', en);
    for (const [tag, strings] of fetched) known.set(tag, strings);
    allowed = undefined;
    notify();
  },
};
