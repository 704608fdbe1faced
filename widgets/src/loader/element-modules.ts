/**
 * Each element's module by tag, imported on demand: by the loader when the tag appears in a page
 * (acct.js, which the build points at the element's own entry, `acct/<tag>.js`), and by the npm
 * package's `register()` (a bundler makes each a chunk). Typed against ELEMENT_TAGS, so a tag
 * missing here, or one too many, fails the type check.
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
 * Imports the module of each acct element directly under `root` that is not defined yet, each once
 * (the module system keeps it); a failure is logged. For an element that renders others only when
 * they are shown (`<acct-account>`'s tabs).
 */
export function loadUndefinedElements(root: ParentNode): void {
  for (const element of root.querySelectorAll(':not(:defined)')) {
    const tag = element.localName;
    if (!Object.hasOwn(ELEMENT_MODULES, tag)) continue;
    ELEMENT_MODULES[tag as ElementTag]().catch((error: unknown) =>
      console.error(`acct: <${tag}> could not be loaded.`, error),
    );
  }
}
