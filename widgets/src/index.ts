/**
 * The npm package's main entry, for sites that bundle acct's elements themselves (docs/npm.md):
 *
 *   import { register } from 'acct-elements';
 *   await register({ server: 'https://auth.example.com', elements: ['acct-login'] });
 *
 * A bundled element cannot find the server from a script's URL as acct.js does, so `register`
 * sets it once for every element (an element's `server` attribute still wins). It also applies the
 * site's strings and allowed languages, and defines the elements asked for — each imported on
 * demand, so a bundler splits them into chunks of their own. Importing this module, or any of the
 * package's, touches no DOM: it is safe in server-side rendering (Next.js, Nuxt, SvelteKit, Astro).
 */
import type { TranslationStrings } from './core/i18n/registry.js';
import { translations } from './core/i18n/registry.js';
import { setDefaultServer } from './core/server-url.js';
import { ELEMENT_MODULES } from './loader/element-modules.js';
import { ELEMENT_TAGS, type ElementTag } from './loader/element-tags.js';
import { hideSlotsUntilDefined } from './loader/slots-until-defined.js';

export type AcctElementTag = ElementTag;

export interface RegisterOptions {
  /** The acct server every element talks to, e.g. `https://auth.example.com`. */
  server: string;
  /** The elements to define; every one when left out. */
  elements?: readonly AcctElementTag[];
  /** Strings by language: a built-in language's are overridden, any other is added over English. */
  translations?: Record<string, TranslationStrings>;
  /** The only languages the elements may show (`translations.allow`). */
  languages?: readonly string[];
}

/**
 * Sets the server, the site's strings and languages, then defines the elements; resolves once they
 * are defined. In a browser only: on a server (SSR) it does nothing, so it may sit in shared code.
 */
export async function register(options: RegisterOptions): Promise<void> {
  if (typeof customElements === 'undefined') return;
  setDefaultServer(options.server);
  for (const [lang, strings] of Object.entries(options.translations ?? {})) {
    if (translations.languages().includes(lang.toLowerCase())) translations.override(lang, strings);
    else translations.register(lang, strings);
  }
  if (options.languages) translations.allow(options.languages);
  // The elements arrive one chunk each: one slotted in another must not show before that one does.
  hideSlotsUntilDefined();
  const tags = options.elements ?? ELEMENT_TAGS;
  await Promise.all(tags.map((tag) => ELEMENT_MODULES[tag]()));
}

export { translations, type TranslationStrings };
export { hostedLoginUrl } from './core/return-address.js';
export { ApiError } from './core/api-client.js';
// The element classes and wire types, as acct-all.js exports them (types only: no element module is
// loaded by importing this one).
export type * from './acct.js';
