/**
 * The events acct's elements fire on the page, by name, with their details: the elements' side of
 * the contract with a site, as the route map (routes.ts) is the server's. Kept here rather than
 * in widgets/src/core/events.ts because a detail is made of wire types (a `User`, a `Passkey`, a
 * `Template`…) and belongs beside them, and because what reads the names without a browser (the
 * documentation, the demo's component pages, the tests) can import this file without the DOM. The
 * server needs none of it, which is why nothing here is a runtime value the bundle would carry but
 * the name list, and the elements import the types only: the DOM side — `emit()`, the entries in
 * the DOM's event maps that type a site's `addEventListener('acct-…')` — is in
 * widgets/src/core/events.ts.
 *
 * Every acct event bubbles and is composed (it crosses shadow roots), and fires on user action only.
 */
import type { ApiToken } from './api-tokens.js';
import type { Webhook } from './webhooks.js';
import type { ChecklistItem } from './checklist.js';
import type { ConnectedAccount } from './connected-accounts.js';
import type { AvailableApp, ConnectedApp } from './connected-apps.js';
import type { DataExport } from './data-export.js';
import type { OnboardingProgress } from './onboarding.js';
import type { Invitation, Member, Organization, OrganizationRole } from './organizations.js';
import type { Passkey } from './passkeys.js';
import type { Template } from './templates.js';
import type { User } from './users.js';
import type { Timestamp } from './wire.js';

// — Sign-in and account elements —

/** `acct-error`: something the user asked for failed. */
export interface AcctErrorDetail {
  /** Stable code: the server's (`invalid_credentials`…) or the client's (`network_error`). */
  code: string;
  /** HTTP status, or 0 when no answer arrived. */
  status: number;
  /** The localised message the element shows. */
  message: string;
}

/** `acct-signed-in`: the user signed in. Cancelable: `preventDefault()` keeps `<acct-login>` from following its `redirect`. */
export interface AcctSignedInDetail {
  user: User;
  /** How: `password`, `passkey` or `magic_link` (the server's names, as in the sessions list). */
  method: string;
}

/** `acct-signed-up`: an account was created. */
export interface AcctSignedUpDetail {
  /** The new user when signed in at once; null when the address must be confirmed first. */
  user: User | null;
  verificationRequired: boolean;
}

/** `acct-signed-out`: the user signed out on this page. */
export interface AcctSignedOutDetail {
  /** Who was signed in. */
  user: User | null;
}

/** `acct-session-revoked`: the user signed out another of their devices, or all of them. */
export interface AcctSessionRevokedDetail {
  /** The sessions ended: one id, or every other session's id when "Sign out all other devices" was used. */
  sessionIds: string[];
}

/** `acct-passkey-added`: the user registered a passkey. */
export interface AcctPasskeyAddedDetail {
  /** The new passkey, as `<acct-passkeys>` lists it. */
  passkey: Passkey;
}

/** `acct-passkey-removed`: the user removed one of their passkeys. */
export interface AcctPasskeyRemovedDetail {
  passkey: Passkey;
  /** How many other sessions that had signed in with it were ended. */
  sessionsEnded: number;
}

/** `acct-account-unlinked`: the user unlinked one of their connected accounts (a sign-in provider). */
export interface AcctAccountUnlinkedDetail {
  /** The account as `<acct-connected-accounts>` listed it. */
  account: ConnectedAccount;
}

/** `acct-account-linked`: a provider account was linked on the provider's return (`<acct-connected-accounts>`). */
export interface AcctAccountLinkedDetail {
  account: ConnectedAccount;
}

/** `acct-data-export-requested`: the user asked for a copy of their data (`<acct-data-export>`). */
export interface AcctDataExportRequestedDetail {
  /** The new request, status `pending`. */
  export: DataExport;
}

/** `acct-data-export-downloaded`: an archive was fetched with the session and handed to the browser to save. */
export interface AcctDataExportDownloadedDetail {
  export: DataExport;
  /** The archive: a `File` (the contract is read without the DOM's types, hence this shape). */
  file: { readonly name: string; readonly size: number; readonly type: string };
}

/** What the user answered `<acct-hand-over>`'s question. */
export type HandOverAnswer = 'continue' | 'cancel';

/** `acct-hand-over-answered`: the user answered the hand-over question (acct's session store listens for it). */
export interface AcctHandOverAnsweredDetail {
  answer: HandOverAnswer;
}

/** `acct-reauth-answered`: the re-authentication dialog closed, proved or cancelled (acct's API client listens for it). */
export interface AcctReauthAnsweredDetail {
  /** True when the server accepted a proof; false when the user cancelled. */
  proved: boolean;
}

// — Onboarding elements —

/** `acct-onboarding-step`: the user completed, skipped or went back from a step. */
export interface AcctOnboardingStepDetail {
  /** The key of the step acted on (for `back`, the step the user left). */
  step: string;
  action: 'complete' | 'skip' | 'back';
  /** Required steps done, of how many, and as a percentage, after the action. */
  progress: OnboardingProgress | undefined;
}

/** `acct-onboarding-complete`: the user finished their onboarding path. */
export interface AcctOnboardingCompleteDetail {
  path: { id: string; name: string } | undefined;
  role: string | null;
  useCase: string | null;
  /** Everything the steps saved, by step key (e.g. `organization.organizationId`). */
  stepData: Record<string, unknown>;
  completedAt: Timestamp | null;
}

/** `acct-checklist-item-complete`: the user ticked an item. */
export interface AcctChecklistItemCompleteDetail {
  key: string;
  item: ChecklistItem;
}

/** `acct-checklist-dismiss`: the user hid an item, or (`key` null) the whole checklist. */
export interface AcctChecklistDismissDetail {
  key: string | null;
}

/** `acct-template-selected`: the user chose "Use" on a template; its use is counted. */
export interface AcctTemplateSelectedDetail {
  template: Template;
  /** What the site starts from, as the template's author wrote it. */
  templateData: Record<string, unknown>;
}

/** `acct-organization-created`, `acct-organization-renamed` and `acct-organization-left`. */
export interface AcctOrganizationDetail {
  organization: Organization;
}

/** `acct-invitation-sent`: the user invited someone, or sent an invitation again (`resent`). */
export interface AcctInvitationSentDetail {
  organizationId: string;
  invitation: Invitation;
  resent: boolean;
}

/** `acct-invitation-revoked`: the user revoked an open invitation. */
export interface AcctInvitationRevokedDetail {
  organizationId: string;
  invitation: Invitation;
}

/** `acct-member-role-changed`: an owner gave a member another role. */
export interface AcctMemberRoleChangedDetail {
  organizationId: string;
  /** The member with the new role. */
  member: Member;
  previousRole: OrganizationRole;
}

/** `acct-member-removed`: the user removed a member from the organization. */
export interface AcctMemberRemovedDetail {
  organizationId: string;
  member: Member;
}

/** `acct-notifications-change`: the unread count of `<acct-notifications-bell>` moved. */
export interface AcctNotificationsChangeDetail {
  unreadCount: number;
}

/** `acct-notification-preference-change`: `<acct-notification-settings>` saved a change. */
export interface AcctNotificationPreferenceChangeDetail {
  /** The event type whose row changed, or null for quiet hours. */
  eventType: string | null;
}

/** `acct-profile-updated`: the user saved their profile or changed or removed their picture. */
export interface AcctProfileUpdatedDetail {
  user: User;
}

/** `acct-password-changed`: `<acct-password>` changed the password; the user's other sessions ended. */
export interface AcctPasswordChangedDetail {
  otherSessionsEnded: number;
}

/** `acct-email-change-requested`: a confirmation link is on its way to `email` (the address changes once it is followed). */
export interface AcctEmailChangeRequestedDetail {
  email: string;
}

/** `acct-account-tab-changed`: the user picked another tab of `<acct-account>`. */
export interface AcctAccountTabChangedDetail {
  tab: string;
}

/** `acct-deletion-requested`: the user asked for their account's deletion (and is signed out everywhere). */
export interface AcctDeletionRequestedDetail {
  /** When the account will be deleted unless the deletion is cancelled. */
  scheduledFor: Timestamp;
}

/** `acct-api-token-created` and `acct-api-token-revoked` (`<acct-api-tokens>`); never the token's secret. */
export interface AcctApiTokenDetail {
  organizationId: string;
  token: ApiToken;
}

/** `acct-webhook-created`, `acct-webhook-updated`, `acct-webhook-deleted` (`<acct-webhooks>`); never the secret. */
export interface AcctWebhookDetail {
  organizationId: string;
  webhook: Webhook;
}

/**
 * `acct-app-connect-starting` (cancelable): `<acct-connected-apps>` is about to send the browser to
 * the app's authorization page `url`. Cancel it to go there another way (a popup, a new tab).
 */
export interface AcctAppConnectStartingDetail {
  app: AvailableApp;
  url: string;
}

/** `acct-app-connected` / `acct-app-disconnected`: an app was connected to, or disconnected from, the organization. */
export interface AcctConnectedAppDetail {
  app: ConnectedApp;
}

/** `acct-mfa-changed`: the user turned two-step verification on or off. */
export interface AcctMfaChangedDetail {
  enabled: boolean;
}

/** Every event an acct element fires, by name: the only names an element's `emit()` accepts. */
export interface AcctEventMap {
  'acct-error': AcctErrorDetail;
  'acct-signed-in': AcctSignedInDetail;
  'acct-signed-up': AcctSignedUpDetail;
  'acct-signed-out': AcctSignedOutDetail;
  'acct-session-revoked': AcctSessionRevokedDetail;
  'acct-passkey-added': AcctPasskeyAddedDetail;
  'acct-passkey-removed': AcctPasskeyRemovedDetail;
  'acct-account-unlinked': AcctAccountUnlinkedDetail;
  'acct-account-linked': AcctAccountLinkedDetail;
  /** `<acct-user-button>`'s "Sign in" when it has no `sign-in-url`: the page shows its sign-in. */
  'acct-sign-in-requested': Record<string, never>;
  'acct-hand-over-answered': AcctHandOverAnsweredDetail;
  'acct-reauth-answered': AcctReauthAnsweredDetail;
  'acct-onboarding-step': AcctOnboardingStepDetail;
  'acct-onboarding-complete': AcctOnboardingCompleteDetail;
  'acct-checklist-item-complete': AcctChecklistItemCompleteDetail;
  'acct-checklist-dismiss': AcctChecklistDismissDetail;
  'acct-template-selected': AcctTemplateSelectedDetail;
  'acct-organization-created': AcctOrganizationDetail;
  'acct-organization-renamed': AcctOrganizationDetail;
  'acct-organization-left': AcctOrganizationDetail;
  'acct-invitation-sent': AcctInvitationSentDetail;
  'acct-invitation-revoked': AcctInvitationRevokedDetail;
  'acct-member-role-changed': AcctMemberRoleChangedDetail;
  'acct-member-removed': AcctMemberRemovedDetail;
  'acct-data-export-requested': AcctDataExportRequestedDetail;
  'acct-data-export-downloaded': AcctDataExportDownloadedDetail;
  'acct-notifications-change': AcctNotificationsChangeDetail;
  'acct-notification-preference-change': AcctNotificationPreferenceChangeDetail;
  'acct-profile-updated': AcctProfileUpdatedDetail;
  'acct-email-change-requested': AcctEmailChangeRequestedDetail;
  'acct-password-changed': AcctPasswordChangedDetail;
  'acct-account-tab-changed': AcctAccountTabChangedDetail;
  'acct-deletion-requested': AcctDeletionRequestedDetail;
  'acct-deletion-cancelled': Record<string, never>;
  'acct-api-token-created': AcctApiTokenDetail;
  'acct-api-token-revoked': AcctApiTokenDetail;
  'acct-app-connect-starting': AcctAppConnectStartingDetail;
  'acct-app-connected': AcctConnectedAppDetail;
  'acct-app-disconnected': AcctConnectedAppDetail;
  'acct-webhook-created': AcctWebhookDetail;
  'acct-webhook-updated': AcctWebhookDetail;
  'acct-webhook-deleted': AcctWebhookDetail;
  'acct-mfa-changed': AcctMfaChangedDetail;
}
export type AcctEventName = keyof AcctEventMap;

/**
 * `acct-step-data`, the one event going the other way: content a site slots into
 * `<acct-onboarding>` fires it (bubbling) to hand over its step's data — the current step's when
 * `step` is left out.
 */
export interface AcctStepDataDetail {
  step?: string;
  data?: unknown;
}

/** The event names, for what lists them without a browser (docs, tests); `satisfies` keeps it equal to the map. */
export const ACCT_EVENTS = Object.keys({
  'acct-error': true,
  'acct-signed-in': true,
  'acct-signed-up': true,
  'acct-signed-out': true,
  'acct-session-revoked': true,
  'acct-passkey-added': true,
  'acct-passkey-removed': true,
  'acct-account-unlinked': true,
  'acct-account-linked': true,
  'acct-sign-in-requested': true,
  'acct-hand-over-answered': true,
  'acct-reauth-answered': true,
  'acct-onboarding-step': true,
  'acct-onboarding-complete': true,
  'acct-checklist-item-complete': true,
  'acct-checklist-dismiss': true,
  'acct-template-selected': true,
  'acct-organization-created': true,
  'acct-organization-renamed': true,
  'acct-organization-left': true,
  'acct-invitation-sent': true,
  'acct-invitation-revoked': true,
  'acct-member-role-changed': true,
  'acct-member-removed': true,
  'acct-data-export-requested': true,
  'acct-data-export-downloaded': true,
  'acct-notifications-change': true,
  'acct-notification-preference-change': true,
  'acct-profile-updated': true,
  'acct-email-change-requested': true,
  'acct-password-changed': true,
  'acct-account-tab-changed': true,
  'acct-deletion-requested': true,
  'acct-deletion-cancelled': true,
  'acct-api-token-created': true,
  'acct-api-token-revoked': true,
  'acct-app-connect-starting': true,
  'acct-app-connected': true,
  'acct-app-disconnected': true,
  'acct-webhook-created': true,
  'acct-webhook-updated': true,
  'acct-webhook-deleted': true,
  'acct-mfa-changed': true,
} satisfies Record<AcctEventName, true>) as AcctEventName[];
