/**
 * Each element's module by tag, imported on demand: by the loader when the tag appears in a page
 * (`importElement` below), by `<acct-account>` for its tabs, and by the npm package's `register()`
 * (a bundler makes each a chunk). Typed against ELEMENT_TAGS, so a tag missing here, or one too
 * many, fails the type check.
 */
import type { ElementTag } from './element-tags.js';

export const ELEMENT_MODULES = {
  'acct-account': () => import('../elements/account/define.js'),
  'acct-api-tokens': () => import('../elements/api-tokens/define.js'),
  'acct-checklist': () => import('../elements/checklist/define.js'),
  'acct-connected-accounts': () => import('../elements/connected-accounts/define.js'),
  'acct-connected-apps': () => import('../elements/connected-apps/define.js'),
  'acct-data-export': () => import('../elements/data-export/define.js'),
  'acct-delete-account': () => import('../elements/delete-account/define.js'),
  'acct-hand-over': () => import('../elements/hand-over/define.js'),
  'acct-login': () => import('../elements/login/define.js'),
  'acct-login-history': () => import('../elements/login-history/define.js'),
  'acct-mfa': () => import('../elements/mfa/define.js'),
  'acct-notification-settings': () => import('../elements/notification-settings/define.js'),
  'acct-notifications-bell': () => import('../elements/notifications-bell/define.js'),
  'acct-onboarding': () => import('../elements/onboarding/define.js'),
  'acct-organization': () => import('../elements/organization/define.js'),
  'acct-passkeys': () => import('../elements/passkeys/define.js'),
  'acct-password': () => import('../elements/password/define.js'),
  'acct-profile': () => import('../elements/profile/define.js'),
  'acct-reauth-dialog': () => import('../elements/reauth-dialog/define.js'),
  'acct-sessions': () => import('../elements/sessions/define.js'),
  'acct-templates': () => import('../elements/templates/define.js'),
  'acct-user-button': () => import('../elements/user-button/define.js'),
  'acct-webhooks': () => import('../elements/webhooks/define.js'),
} satisfies Record<ElementTag, () => Promise<unknown>>;

/**
 * Defined (as `true`) only by the on-demand build (widgets/vite.config.ts), where each element is
 * an entry of its own, `acct/<tag>.js`, and this module is in a chunk of `acct/chunks/`.
 */
declare const __ACCT_ELEMENT_ENTRIES__: true | undefined;

/**
 * Imports the module that defines `tag`. In the on-demand build, by its entry's address, one
 * folder up from this chunk's (which works from any folder the files are served from, pinned or
 * not): the table's 23 literal imports cost every page 0.2 KiB there, and the bundler drops the
 * table. Elsewhere (the kit, the npm package, the tests, which run the sources) through the table,
 * so that a bundler sees each import.
 */
export function importElement(tag: ElementTag): Promise<unknown> {
  if (typeof __ACCT_ELEMENT_ENTRIES__ === 'undefined') return ELEMENT_MODULES[tag]();
  // Not `new URL(…, import.meta.url)` written out: Vite takes that for an asset to bundle.
  const here = import.meta.url;
  return import(/* @vite-ignore */ new URL(`../${tag}.js`, here).href);
}
