/**
 * The whole kit's entry, built into `acct-all.js` (widgets/vite.config.ts, `--mode kit`): every
 * element and English in one file, for a site that wants one request rather than the loader
 * (`acct.js`, loader/loader.ts). It registers every element and exports their classes; other
 * languages and SimpleWebAuthn are still fetched on first use (docs/embedding.md).
 */
import './elements/login/define.js';
import './elements/login-history/define.js';
import './elements/passkeys/define.js';
import './elements/connected-accounts/define.js';
import './elements/connected-apps/define.js';
import './elements/sessions/define.js';
import './elements/user-button/define.js';
import './elements/checklist/define.js';
import './elements/onboarding/define.js';
import './elements/organization/define.js';
import './elements/templates/define.js';
import './elements/hand-over/define.js';
import './elements/reauth-dialog/define.js';
import './elements/data-export/define.js';
import './elements/notifications-bell/define.js';
import './elements/notification-settings/define.js';
import './elements/profile/define.js';
import './elements/password/define.js';
import './elements/account/define.js';
import './elements/delete-account/define.js';
import './elements/api-tokens/define.js';
import './elements/webhooks/define.js';
import './elements/mfa/define.js';

export { AcctLogin } from './elements/login/login.js';
export { AcctLoginHistory } from './elements/login-history/login-history.js';
export { AcctPasskeys } from './elements/passkeys/passkeys.js';
export { AcctConnectedAccounts } from './elements/connected-accounts/connected-accounts.js';
export { AcctConnectedApps } from './elements/connected-apps/connected-apps.js';
export { AcctSessions } from './elements/sessions/sessions.js';
export { AcctUserButton } from './elements/user-button/user-button.js';
export { AcctHandOver } from './elements/hand-over/hand-over.js';
export { AcctReauthDialog } from './elements/reauth-dialog/reauth-dialog.js';
export { AcctDataExport } from './elements/data-export/data-export.js';
export { AcctNotificationsBell } from './elements/notifications-bell/notifications-bell.js';
export { AcctNotificationSettings } from './elements/notification-settings/notification-settings.js';
export { AcctProfile } from './elements/profile/profile.js';
export { AcctPassword } from './elements/password/password.js';
export { AcctAccount } from './elements/account/account.js';
export { AcctDeleteAccount } from './elements/delete-account/delete-account.js';
export { AcctApiTokens } from './elements/api-tokens/api-tokens.js';
export { AcctMfa } from './elements/mfa/mfa.js';
export type { ApiToken } from '../../contract/api-tokens.js';
export { AcctWebhooks } from './elements/webhooks/webhooks.js';
export type { Webhook, WebhookDelivery } from '../../contract/webhooks.js';
export { ApiError } from './core/api-client.js';
import { translations } from './core/i18n/registry.js';
import { claimPage } from './core/page-owner.js';
export { translations, type TranslationStrings } from './core/i18n/registry.js';

// The site's handle on the strings (docs/elements/languages.md), when this copy owns the page;
// the imports above have already claimed it, or found another copy there (core/page-owner.ts).
if (claimPage()) {
  const page = globalThis as { acct?: { translations?: typeof translations } };
  page.acct ??= {};
  page.acct.translations ??= translations;
}
export { hostedLoginUrl } from './core/return-address.js';
// The wire types a page may want (contract/), e.g. an event's detail.
export type { User } from '../../contract/users.js';
export type { DeviceSession } from '../../contract/sessions.js';
export type { LoginEvent } from '../../contract/login-history.js';
export type { Passkey } from '../../contract/passkeys.js';
export type { ConnectedAccount } from '../../contract/connected-accounts.js';
export type { AvailableApp, ConnectedApp } from '../../contract/connected-apps.js';
export type { DataExport } from '../../contract/data-export.js';
export type { AppNotification, NotificationPreference, QuietHoursSettings } from '../../contract/notifications.js';
export { AcctChecklist } from './elements/checklist/checklist.js';
export { AcctOnboarding } from './elements/onboarding/onboarding.js';
export { AcctOrganization } from './elements/organization/organization.js';
export { AcctTemplates } from './elements/templates/templates.js';
export type * from '../../contract/onboarding.js';
export type * from '../../contract/checklist.js';
export type * from '../../contract/templates.js';
export type { Organization, Member, Invitation, OrganizationRole, InvitedRole } from '../../contract/organizations.js';
// Every event's name and detail type (contract/events.ts), and the DOM event map entries.
export type * from './core/events.js';
