/**
 * Web Push (issue 11): a signed-in user's browsers that accept notifications from acct. The page
 * reads the server's VAPID public key (`GET /api/push/key`), subscribes with it through the
 * browser's PushManager and posts the subscription (`POST /api/push/subscriptions`, the shape of
 * `PushSubscription.toJSON()`); `DELETE /api/push/subscriptions` with the same endpoint removes it.
 * Sending is the server's business (server/modules/push): no route sends a push.
 */
import { z } from 'zod';
import { CommonErrors } from './errors.js';
import type { DeviceType } from './sessions.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/** Longest push service address accepted (real ones are under 600 characters). */
export const PUSH_ENDPOINT_MAX_LENGTH = 2000;

const Endpoint = z.string().min(1, 'required').max(PUSH_ENDPOINT_MAX_LENGTH, 'too_long');

/**
 * The browser's keys, base64url as `toJSON()` writes them: `p256dh` an uncompressed P-256 point
 * (65 bytes, so 87 characters starting with `B`), `auth` 16 bytes (22 characters); padding forgiven.
 * The server also checks that the point is on the curve.
 */
const SubscriptionKeys = z
  .object({
    p256dh: z.string().regex(/^B[A-Za-z0-9_-]{86}=?$/, 'invalid_key'),
    auth: z.string().regex(/^[A-Za-z0-9_-]{22}(==)?$/, 'invalid_key'),
  })
  .strict();

/** `POST /api/push/subscriptions`: `PushSubscription.toJSON()` (its `expirationTime` is ignored). */
export const PushSubscriptionBody = z
  .object({
    endpoint: Endpoint,
    keys: SubscriptionKeys,
    expirationTime: z.number().nullable().optional(),
  })
  .strict();

/** `DELETE /api/push/subscriptions`: which of the user's subscriptions to remove. */
export const PushUnsubscribeBody = z.object({ endpoint: Endpoint }).strict();

/** `GET /api/push/key`: the VAPID public key, base64url, for `applicationServerKey`. */
export interface PushKey {
  publicKey: string;
}

/** A subscription as saved (the same endpoint posted again updates the one row). */
export interface PushSubscriptionSaved {
  subscription: { id: string; createdAt: Timestamp };
}

/** `DELETE /api/push/subscriptions`. */
export interface PushSubscriptionRemoved {
  removed: true;
}

/**
 * One of the user's subscribed browsers (`GET /api/push/subscriptions`), described from the
 * User-Agent it subscribed with (as the sessions list is); its endpoint is not shown.
 */
export interface PushDevice {
  id: string;
  deviceType: DeviceType;
  deviceName: string | null;
  browser: string | null;
  os: string | null;
  createdAt: Timestamp;
  /** The last push it accepted; null before the first. */
  lastSuccessAt: Timestamp | null;
}

export const PushErrors = {
  not_found: CommonErrors.not_found,
  push_endpoint_not_allowed: {
    status: 400,
    message: 'This push service address is not accepted: it must be an https address on the public internet.',
  },
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface PushRoutes {
  'GET /api/push/key': Route<never, PushKey>;
  'POST /api/push/subscriptions': Route<z.input<typeof PushSubscriptionBody>, PushSubscriptionSaved>;
  'DELETE /api/push/subscriptions': Route<z.input<typeof PushUnsubscribeBody>, PushSubscriptionRemoved>;
  /** The user's subscribed browsers, newest first. */
  'GET /api/push/subscriptions': Route<never, { devices: PushDevice[] }>;
  /** Removes one of them by id (another user's: 404, like an unknown one). */
  'DELETE /api/push/subscriptions/:id': Route<never, PushSubscriptionRemoved>;
}
