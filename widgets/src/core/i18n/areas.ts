/**
 * The string areas: the sections of a language that only some elements read, each a chunk of its
 * own per language (`<lang>-<area>.ts`), fetched with the first element that declares it
 * (`static stringAreas`, acct-element.ts). A page with only `<acct-login>` needs the core alone
 * (en.ts); `<acct-onboarding>` adds `onboarding` and `mfa`. An area's module holds top-level
 * sections of the language and, under `errors`, the messages of the codes only its elements meet.
 * Types only, apart from the list: no area's strings are imported here.
 */
import type account from './en-account.js';
import type apiTokens from './en-api-tokens.js';
import type connectedApps from './en-connected-apps.js';
import type mfa from './en-mfa.js';
import type notifications from './en-notifications.js';
import type onboarding from './en-onboarding.js';
import type providers from './en-providers.js';
import type reauth from './en-reauth.js';
import type secondFactor from './en-second-factor.js';
import type security from './en-security.js';
import type webhooks from './en-webhooks.js';

/** Every area, by the suffix of its files. */
export const STRING_AREAS = [
  'account',
  'api-tokens',
  'connected-apps',
  'mfa',
  'notifications',
  'onboarding',
  'providers',
  'reauth',
  'second-factor',
  'security',
  'webhooks',
] as const;

export type StringArea = (typeof STRING_AREAS)[number];

/** What each area's module holds (its default export), as English has it. */
export interface AreaStrings {
  account: typeof account;
  'api-tokens': typeof apiTokens;
  'connected-apps': typeof connectedApps;
  mfa: typeof mfa;
  notifications: typeof notifications;
  onboarding: typeof onboarding;
  providers: typeof providers;
  reauth: typeof reauth;
  'second-factor': typeof secondFactor;
  security: typeof security;
  webhooks: typeof webhooks;
}

/** Every area's strings together, `errors` included: what a language has beyond its core. */
export type EveryArea = AreaStrings['account'] &
  AreaStrings['api-tokens'] &
  AreaStrings['connected-apps'] &
  AreaStrings['mfa'] &
  AreaStrings['notifications'] &
  AreaStrings['onboarding'] &
  AreaStrings['providers'] &
  AreaStrings['reauth'] &
  AreaStrings['second-factor'] &
  AreaStrings['security'] &
  AreaStrings['webhooks'];
