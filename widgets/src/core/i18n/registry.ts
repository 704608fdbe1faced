/**
 * The languages the elements speak, and the site's say over them (docs/elements/languages.md):
 * the built-in ones (English, the fallback, then French, German, Spanish and Arabic), languages a
 * site registers, strings a site overrides, and the languages a site allows. Sites reach it as
 * `window.acct.translations` (the loader, or acct-all.js) or by importing `translations`.
 *
 * English's core comes with the elements' own code (`builtInEnglish`), not with this module, which
 * the loader carries: a page with acct.js and no element downloads no strings. Every other part of
 * a language is a chunk of its own (chunks.ts): the other languages' cores, and each language's
 * areas (areas.ts), the sections that only some elements read. They are fetched the first time an
 * element needs one (`languageArriving`), so a page downloads only the strings it shows. An element
 * waits for its language and its areas before it renders (acct-element.ts), so it never flashes
 * English nor reads a section not here yet.
 *
 * A site's strings are a partial tree over English: whatever it leaves out reads as the language
 * it extends (English for a new language), so a site never shows a blank. They are kept as layers
 * and laid again over the built-in strings whenever a part arrives, so an override of an area's
 * string holds whenever that area comes. Elements re-render when anything here changes
 * (acct-element.ts listens).
 */
import { STRING_AREAS, type StringArea } from './areas.js';
import { LANGUAGE_CORES, type LanguageCore } from './chunks.js';
import type { Translation } from './en.js';

/** Every built-in language's tag, English first. */
export const BUILT_IN_LANGUAGES: readonly string[] = ['en', ...Object.keys(LANGUAGE_CORES)];

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

type Strings = Record<string, unknown>;
/** A part of a built-in language: its core or one of its areas. */
type Part = 'core' | StringArea;

/** The built-in strings here so far, by language: core and areas merged. */
const builtIn = new Map<string, Strings>();
/** Parts here (`en:core`, `fr:core`, `en:onboarding`…). */
const arrived = new Set<string>();
/** Fetches started, by part, until they fail (a failed one is forgotten, so that it may be tried again). */
const fetching = new Map<string, Promise<void>>();
/** Parts whose last fetch failed: elements do not wait for them again (`load` tries again). */
const failed = new Set<string>();
/** The site's strings by language: a registered language's base, and every layer in order. */
const site = new Map<string, { base?: string; layers: TranslationStrings[] }>();
/** What `lookup` composed, until the next change. */
const composed = new Map<string, Translation>();
let allowed: readonly string[] | undefined;
const listeners = new Set<() => void>();
/** Warnings already given: composing again after each change must not repeat them. */
const warned = new Set<string>();

const normalise = (tag: string) => tag.trim().toLowerCase();
const isTree = (value: unknown): value is Strings =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const warnOnce = (message: string) => {
  if (!warned.has(message)) console.warn(message);
  warned.add(message);
};

/**
 * `base` with `strings` laid over it, key by key. A value of the wrong kind (an object for a
 * sentence, a function for a plain string) is left out with a warning rather than breaking an
 * element at render time; keys English lacks are kept, since keyed sections (`errors`, `roles`,
 * `fields`…) take a site's own codes.
 */
function overlay(base: Strings, strings: Strings, path: string): Strings {
  const merged: Strings = { ...base };
  for (const [key, value] of Object.entries(strings)) {
    const where = path ? `${path}.${key}` : key;
    const current = base[key];
    if (isTree(current) && isTree(value)) merged[key] = overlay(current, value, where);
    else if (typeof current === 'function' && typeof value === 'string') merged[key] = () => value;
    else if (value !== undefined && (current === undefined || typeof value === typeof current)) merged[key] = value;
    else warnOnce(`acct: translations: ${where} must be a ${typeof current}; keeping the built-in one.`);
  }
  return merged;
}

/** Two parts of a language together: top-level sections side by side, `errors` merged. */
function mergeParts(into: Strings, part: Strings): Strings {
  return { ...into, ...part, errors: { ...(into.errors as Strings), ...(part.errors as Strings) } };
}

function notify(): void {
  composed.clear();
  listeners.forEach((listener) => listener());
}

/** An area's strings, from the table its language's core holds (chunks.ts). */
async function fetchArea(tag: string, area: StringArea): Promise<Strings> {
  const load: () => Promise<{ default: Strings }> = (await coreOf(tag)).areas[area];
  return (await load()).default;
}

let englishCore: (core: LanguageCore) => void;
/** English's core: handed over by the elements' shared code (`builtInEnglish`), not fetched. */
const englishCoreHere = new Promise<LanguageCore>((resolve) => (englishCore = resolve));

/**
 * English's core, the fallback, comes with the code every element imports (i18n/index.ts calls
 * this), not with this module, which the loader carries: a page with acct.js and no element
 * downloads no strings. Until then, `lookup` has nothing to read and `load('en')` waits for it.
 */
export function builtInEnglish(core: LanguageCore): void {
  englishCore(core);
  partArrived('en', 'core', core.strings);
}

/** A part of a built-in language is here: merged into that language. */
function partArrived(tag: string, part: Part, strings: Strings): void {
  builtIn.set(tag, mergeParts(builtIn.get(tag) ?? {}, strings));
  arrived.add(`${tag}:${part}`);
  notify();
}

/** A language's core with its areas' table: English's once an element's code hands it over, another's fetched. */
const coreOf = (tag: string): Promise<LanguageCore> => (tag === 'en' ? englishCoreHere : LANGUAGE_CORES[tag]!());

/** Fetches a part of a built-in language once, and merges it into that language when it comes. */
function fetchPart(tag: string, part: Part): Promise<void> {
  const key = `${tag}:${part}`;
  let pending = fetching.get(key);
  if (!pending) {
    failed.delete(key);
    pending = (part === 'core' ? coreOf(tag).then((core) => core.strings) : fetchArea(tag, part)).then(
      // English's core, waited for here, arrives by `builtInEnglish` first: merged once.
      (value) => {
        if (!arrived.has(key)) partArrived(tag, part, value);
      },
      (error: unknown) => {
        fetching.delete(key);
        failed.add(key);
        // Named as its file is: `fr`, `fr-onboarding`.
        const name = part === 'core' ? tag : `${tag}-${part}`;
        console.warn(`acct: translations: the "${name}" strings could not be loaded; showing the fallback.`, error);
      },
    );
    fetching.set(key, pending);
  }
  return pending;
}

const isAllowed = (tag: string) => !allowed || allowed.includes(tag);
const isRegistered = (tag: string) => site.get(tag)?.base !== undefined;
const isBuiltIn = (tag: string) => tag === 'en' || Object.hasOwn(LANGUAGE_CORES, tag);
/** Whether `tag` has strings to show now: the site registered it, or its built-in core is here. */
const hasStrings = (tag: string) => isRegistered(tag) || arrived.has(`${tag}:core`);

/** The built-in language whose strings `tag` is laid over: its own, or its registration's base's. */
function builtInBeneath(tag: string, seen = new Set<string>()): string {
  const base = site.get(tag)?.base;
  if (base === undefined) return isBuiltIn(tag) ? tag : 'en';
  if (seen.has(tag)) return 'en';
  seen.add(tag);
  return builtInBeneath(base, seen);
}

/** The tag `lang` reads as: the exact tag, then its language (registered or built in), if allowed. */
function candidateFor(lang: string): string | undefined {
  const tag = normalise(lang);
  return [tag, tag.split('-')[0] ?? ''].find(
    (candidate) => isAllowed(candidate) && (isRegistered(candidate) || isBuiltIn(candidate)),
  );
}

/** The fallback's tag: English, unless the site allowed only other languages. */
function fallbackTag(): string {
  if (!allowed || allowed.includes('en')) return 'en';
  return allowed.find(hasStrings) ?? allowed[0] ?? 'en';
}

/**
 * The parts `lookup(lang)` needs, with `areas`, and does not have: those of the built-in language
 * beneath it; and the fallback's, when the site allowed only other languages, or when a part of
 * that language could not be fetched (a language missing an area shows that area in English).
 */
function missingParts(lang: string, areas: readonly StringArea[]): [string, Part][] {
  const own = candidateFor(lang);
  const tags = new Set([builtInBeneath(own ?? fallbackTag())]);
  if (allowed && !allowed.includes('en')) tags.add(builtInBeneath(fallbackTag()));
  const parts: Part[] = ['core', ...areas];
  for (const tag of [...tags]) if (parts.some((part) => failed.has(`${tag}:${part}`))) tags.add('en');
  return [...tags].flatMap((tag) =>
    parts
      .filter((part) => !arrived.has(`${tag}:${part}`) && !failed.has(`${tag}:${part}`))
      .map((part): [string, Part] => [tag, part]),
  );
}

/**
 * What `lookup(lang)` still waits for, to hold the core and `areas`; `undefined` when everything
 * is here, so that an element renders without waiting even a microtask. A part that cannot be
 * fetched is waited for once: then the fallback's part is fetched in its place.
 */
export function languageArriving(lang: string, areas: readonly StringArea[] = []): Promise<void> | undefined {
  const missing = missingParts(lang, areas);
  if (!missing.length) return undefined;
  return Promise.all(missing.map(([tag, part]) => fetchPart(tag, part))).then(() => languageArriving(lang, areas));
}

/**
 * The built-in strings of `tag` with the site's layers over them, and `$lang` set to `tag` for a
 * registered language. A built-in language other than English reads English's strings where one of
 * its areas could not be fetched.
 */
function compose(tag: string, seen = new Set<string>()): Strings {
  const entry = site.get(tag);
  let strings: Strings;
  if (entry?.base !== undefined && !seen.has(tag)) {
    seen.add(tag);
    const base = entry.base;
    strings = { ...compose(hasStrings(base) ? base : fallbackTag(), seen), $lang: tag };
  } else {
    // Nothing before English's core is here: only site code asking before any element loaded.
    const english = builtIn.get('en') ?? {};
    strings = tag === 'en' ? english : mergeParts(english, builtIn.get(tag) ?? {});
  }
  for (const layer of entry?.layers ?? []) strings = overlay(strings, layer as Strings, '');
  return strings;
}

/**
 * The strings `lang` reads as, composed once per change: the same object until then, which
 * `localize` (index.ts) keys its right-to-left copy by.
 */
function composedFor(tag: string): Translation {
  let strings = composed.get(tag);
  if (!strings) composed.set(tag, (strings = compose(tag) as Translation));
  return strings;
}

/** The site's API over the elements' languages (`window.acct.translations`). */
export const translations = {
  /**
   * Adds a language (or replaces one the site added): `strings` over English, or over `base`'s
   * strings — e.g. `register('pt-br', {...}, { base: 'pt' })`. Set `$dir: 'rtl'` for a right-to-left
   * language.
   */
  register(lang: string, strings: TranslationStrings, { base = 'en' }: { base?: string } = {}): void {
    site.set(normalise(lang), { base: normalise(base), layers: [strings] });
    notify();
  },

  /**
   * Changes some strings of a language the elements already speak, e.g. `override('en', { signIn:
   * 'Log in' })`. The strings may belong to an area not fetched yet: they apply when it comes.
   */
  override(lang: string, strings: TranslationStrings): void {
    const tag = normalise(lang);
    const entry = site.get(tag);
    if (entry) entry.layers.push(strings);
    else if (isBuiltIn(tag)) site.set(tag, { layers: [strings] });
    else {
      console.warn(`acct: translations: no language "${tag}" to override; registering it over English.`);
      this.register(tag, strings);
      return;
    }
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
    const registered = [...site.keys()].filter(isRegistered);
    return [...new Set([...BUILT_IN_LANGUAGES, ...registered])].filter(isAllowed);
  },

  /**
   * Fetches the built-in strings `lang` reads as — its core and `areas`, every area when left out
   * — if they are not here yet (and the fallback's, when the site allowed only other languages);
   * resolves when `lookup(lang)` gives them, or the fallback's where they could not be fetched.
   * Parts that failed before are tried again. English's core is not fetched: it comes with the
   * first element's code (`builtInEnglish`), and `load('en')` resolves once it has.
   */
  load(lang: string, areas: readonly StringArea[] = STRING_AREAS): Promise<void> {
    failed.clear();
    return languageArriving(lang, areas) ?? Promise.resolve();
  },

  /** The strings for a BCP 47 tag: the exact tag (`pt-br`), then its language (`pt`), then the fallback. */
  lookup(lang: string): Translation {
    const own = candidateFor(lang);
    return own !== undefined && hasStrings(own) ? composedFor(own) : this.fallback();
  },

  /** What an unknown or disallowed language reads as: English, unless the site allowed only others. */
  fallback(): Translation {
    const tag = fallbackTag();
    return composedFor(hasStrings(tag) ? tag : 'en');
  },

  /** Calls `listener` after every change; returns what stops it. */
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** Forgets the site's languages, overrides and allow-list (for tests); fetched strings stay. */
  reset(): void {
    site.clear();
    allowed = undefined;
    notify();
  },
};
