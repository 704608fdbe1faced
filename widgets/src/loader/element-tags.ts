/**
 * Every element acct defines, by tag. The loader loads `acct/<tag>.js` for these and nothing else,
 * and the build makes one entry per tag from the element's `elements/<name>/define.ts`
 * (widgets/vite.config.ts). `server/modules/bundle/bundle-size.test.ts` checks this list against the tags the
 * source registers, so an element cannot be added without it.
 */
export const ELEMENT_TAGS = [
  'acct-account',
  'acct-api-tokens',
  'acct-checklist',
  'acct-connected-accounts',
  'acct-connected-apps',
  'acct-data-export',
  'acct-delete-account',
  'acct-hand-over',
  'acct-login',
  'acct-login-history',
  'acct-mfa',
  'acct-notification-settings',
  'acct-notifications-bell',
  'acct-onboarding',
  'acct-organization',
  'acct-passkeys',
  'acct-password',
  'acct-profile',
  'acct-reauth-dialog',
  'acct-sessions',
  'acct-templates',
  'acct-user-button',
  'acct-webhooks',
] as const;

export type ElementTag = (typeof ELEMENT_TAGS)[number];

/** The module that defines `tag`, under widgets/src: `acct-login` → `elements/login/define.ts`. */
export const defineModule = (tag: ElementTag) => `elements/${tag.slice('acct-'.length)}/define.ts`;

/**
 * The modules fetched on first use that the build and `npm run size` find in Vite's manifest by
 * their source: the parts of the built-in languages (core/i18n/chunks.ts) — each language's core
 * but English's (`src/core/i18n/fr.ts`, captured as `fr`) and each language's areas
 * (`src/core/i18n/fr-onboarding.ts`, captured as `fr-onboarding`) — and SimpleWebAuthn
 * (core/webauthn.ts). The kit build points its imports of them at these chunks, but for English's
 * areas, which it holds.
 */
export const LANGUAGE_SOURCE = /^src\/core\/i18n\/([a-z]{2}(?:-[a-z-]+)?)\.ts$/;
export const WEBAUTHN_SOURCE = '@simplewebauthn/browser';
