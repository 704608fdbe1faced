/**
 * Connected apps (issue 12, server/modules/connected-apps/): third-party apps — configured by the
 * operator as OAuth 2 providers — that an organization's owners and admins connect to the
 * organization. Connecting is three steps: `POST …/connected-apps/:app/connect` answers the
 * provider's authorization URL; the provider sends the browser to acct's fixed callback, which
 * hands its answer back to the page in the fragment (`#acct_app=…`, CONNECTED_APP_FRAGMENT); the
 * page's element posts it to `POST …/connected-apps/callback`, which only the same session of the
 * same admin can redeem, and which exchanges the code for tokens.
 */
import { z } from 'zod';
import { CommonErrors } from './errors.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

export { CONNECTED_APP_FRAGMENT } from './constants.js';

/** An app the operator configured, which an organization can connect. */
export interface AvailableApp {
  id: string;
  name: string;
  iconUrl: string | null;
  /** What connecting asks the provider for. */
  scopes: string[];
}

/** An organization's connection to an app. */
export interface ConnectedApp {
  id: string;
  /** The app's id (`AvailableApp.id`). */
  provider: string;
  /** The app's name, or its id when the operator no longer offers it. */
  providerName: string;
  /** The account at the provider, when it says. */
  providerAccountId: string | null;
  scopes: string[];
  /** Who connected it; null once that account is deleted. */
  connectedBy: { userId: string; displayName: string | null; email: string } | null;
  connectedAt: Timestamp;
  /** When acct last obtained tokens from the provider (connection or refresh). */
  lastSyncAt: Timestamp | null;
  tokenExpiresAt: Timestamp | null;
}

/** `GET /api/organizations/:id/connected-apps` (any member). */
export interface ConnectedAppList {
  available: AvailableApp[];
  /** Current connections, newest first; disconnected ones are not listed. */
  connected: ConnectedApp[];
}

/** `POST /api/organizations/:id/connected-apps/:app/connect`. */
export const StartConnectBody = z
  .object({
    /** The page to come back to (allowlisted like every return address); default the request's origin. */
    returnTo: z.string().max(2000).optional(),
  })
  .strict();

/** `POST /api/organizations/:id/connected-apps/callback`: the provider's answer, as the fragment carried it. */
export const FinishConnectBody = z
  .object({
    state: z.string().min(1).max(500),
    code: z.string().min(1).max(4000).optional(),
    iss: z.string().max(2000).optional(),
    error: z.string().max(200).optional(),
  })
  .strict();

export const ConnectedAppErrors = {
  not_found: CommonErrors.not_found,
  unknown_app: { status: 404, message: 'This app is not offered here.' },
  connect_attempt_invalid: {
    status: 400,
    message: 'This connection attempt is unknown, has expired or was started elsewhere. Start again.',
  },
  connect_refused: { status: 400, message: 'The app did not grant access. Try again.' },
  connect_failed: {
    status: 502,
    message: 'The app could not be reached or its answer was not valid. Try again later.',
  },
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface ConnectedAppRoutes {
  'GET /api/organizations/:id/connected-apps': Route<never, ConnectedAppList>;
  'POST /api/organizations/:id/connected-apps/:app/connect': Route<z.input<typeof StartConnectBody>, { url: string }>;
  'POST /api/organizations/:id/connected-apps/callback': Route<
    z.input<typeof FinishConnectBody>,
    { app: ConnectedApp }
  >;
  'DELETE /api/organizations/:id/connected-apps/:connectionId': Route<never, { disconnected: true }>;
}
