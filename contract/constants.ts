/**
 * The contract's few runtime values: lists both sides iterate over. Kept free of zod and of
 * anything else, because the elements' bundle imports this file.
 */

/** Sign-in methods a server can enable, in the server's default order. */
export const SIGN_IN_METHODS = ['passkey', 'magic-link', 'password'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** How the server carries the session (docs/security.md, "Sessions across origins"). */
export const SESSION_TRANSPORTS = ['cookie', 'partitioned-cookie', 'bearer'] as const;
export type SessionTransport = (typeof SESSION_TRANSPORTS)[number];

/**
 * The fragment keys the provider's return adds to the page that started a link while signed in
 * (contract/connected-accounts.ts): `#acct_link=<code>`, or `#acct_link_error=<error code>`.
 */
export const LINK_FRAGMENT = { code: 'acct_link', error: 'acct_link_error' } as const;

/** How often email of an event type goes out (contract/notifications.ts): at once, or in a daily or weekly digest. */
export const NOTIFICATION_FREQUENCIES = ['instant', 'daily', 'weekly'] as const;
/** Why a user deletes their account, as `<acct-delete-account>` offers it (contract/account-deletion.ts). */
export const DELETION_REASONS = ['not_useful', 'too_expensive', 'privacy', 'switching', 'other'] as const;
export type DeletionReason = (typeof DELETION_REASONS)[number];

/**
 * What an organization's API token may be granted (contract/api-tokens.ts, README "API tokens"):
 * completing checklist items for the organization's members, reading its members, managing its
 * webhooks, reading its events.
 */
export const API_TOKEN_SCOPES = ['checklist:write', 'members:read', 'webhooks:manage', 'events:read'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/**
 * The fragment key the connected-app callback adds to the page that started a connection
 * (contract/connected-apps.ts): `#acct_app=<the provider's answer, form-encoded>`.
 */
export const CONNECTED_APP_FRAGMENT = 'acct_app';

/** The formats of a data export (contract/data-export.ts). */
export const DATA_EXPORT_FORMATS = ['json', 'csv'] as const;
export type DataExportFormat = (typeof DATA_EXPORT_FORMATS)[number];

/**
 * The file an export downloads as (its `Content-Disposition` name): the day it was asked for (UTC),
 * and `.json` or, for CSV, `.zip`. Shared by the server and `<acct-data-export>`, which saves the
 * file itself when it fetches it with a bearer token (here rather than in contract/data-export.ts,
 * which would pull zod into the bundle).
 */
export function archiveFileName(format: DataExportFormat, createdAt: Date): string {
  return `account-data-${createdAt.toISOString().slice(0, 10)}.${format === 'csv' ? 'zip' : 'json'}`;
}
