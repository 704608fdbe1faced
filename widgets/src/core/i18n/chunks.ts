/**
 * Where each built-in language's strings are: its core (English's is built in, en.ts) and its
 * areas (areas.ts), each a chunk fetched on first use by the registry. Each import names its file
 * literally, so that the bundler makes it a chunk of its own; adding a language is one entry here
 * (and its files), which the compiler checks against English's areas.
 */
import type { TranslationCore } from './en.js';
import type { AreaStrings, StringArea } from './areas.js';

export interface LanguageChunks {
  /** The language's core; none for English, which is built in. */
  core?: () => Promise<TranslationCore>;
  areas: { [A in StringArea]: () => Promise<{ default: AreaStrings[A] }> };
}

export const LANGUAGE_CHUNKS: Readonly<Record<string, LanguageChunks>> = {
  en: {
    areas: {
      account: () => import('./en-account.js'),
      'api-tokens': () => import('./en-api-tokens.js'),
      'connected-apps': () => import('./en-connected-apps.js'),
      mfa: () => import('./en-mfa.js'),
      notifications: () => import('./en-notifications.js'),
      onboarding: () => import('./en-onboarding.js'),
      reauth: () => import('./en-reauth.js'),
      security: () => import('./en-security.js'),
      webhooks: () => import('./en-webhooks.js'),
    },
  },
  fr: {
    core: () => import('./fr.js').then((m) => m.fr),
    areas: {
      account: () => import('./fr-account.js'),
      'api-tokens': () => import('./fr-api-tokens.js'),
      'connected-apps': () => import('./fr-connected-apps.js'),
      mfa: () => import('./fr-mfa.js'),
      notifications: () => import('./fr-notifications.js'),
      onboarding: () => import('./fr-onboarding.js'),
      reauth: () => import('./fr-reauth.js'),
      security: () => import('./fr-security.js'),
      webhooks: () => import('./fr-webhooks.js'),
    },
  },
  de: {
    core: () => import('./de.js').then((m) => m.de),
    areas: {
      account: () => import('./de-account.js'),
      'api-tokens': () => import('./de-api-tokens.js'),
      'connected-apps': () => import('./de-connected-apps.js'),
      mfa: () => import('./de-mfa.js'),
      notifications: () => import('./de-notifications.js'),
      onboarding: () => import('./de-onboarding.js'),
      reauth: () => import('./de-reauth.js'),
      security: () => import('./de-security.js'),
      webhooks: () => import('./de-webhooks.js'),
    },
  },
  es: {
    core: () => import('./es.js').then((m) => m.es),
    areas: {
      account: () => import('./es-account.js'),
      'api-tokens': () => import('./es-api-tokens.js'),
      'connected-apps': () => import('./es-connected-apps.js'),
      mfa: () => import('./es-mfa.js'),
      notifications: () => import('./es-notifications.js'),
      onboarding: () => import('./es-onboarding.js'),
      reauth: () => import('./es-reauth.js'),
      security: () => import('./es-security.js'),
      webhooks: () => import('./es-webhooks.js'),
    },
  },
  ar: {
    core: () => import('./ar.js').then((m) => m.ar),
    areas: {
      account: () => import('./ar-account.js'),
      'api-tokens': () => import('./ar-api-tokens.js'),
      'connected-apps': () => import('./ar-connected-apps.js'),
      mfa: () => import('./ar-mfa.js'),
      notifications: () => import('./ar-notifications.js'),
      onboarding: () => import('./ar-onboarding.js'),
      reauth: () => import('./ar-reauth.js'),
      security: () => import('./ar-security.js'),
      webhooks: () => import('./ar-webhooks.js'),
    },
  },
};
