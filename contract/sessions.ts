/**
 * Sessions: who is signed in, the list of a user's sessions and ending them, sign-out, the
 * hand-over of a session to the page an emailed link came back to, bearer refresh, and the
 * short-lived JWT for the site's backend (server/modules/sessions/).
 */
import { z } from 'zod';
import type { SignedIn } from './auth.js';
import { browserKeyField } from './fields.js';
import type { SecondFactorRequired } from './mfa.js';
import type { User } from './users.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/** The body of a state-changing request that needs no data: `{}` and nothing else. */
export const EmptyBody = z.object({}).strict();

/** `POST /api/session/exchange`: a hand-over code, this browser's key, and the user's go-ahead if asked. */
export const ExchangeBody = z
  .object({ code: z.string().max(100), browserKey: browserKeyField, confirm: z.boolean().optional() })
  .strict();

/**
 * `POST /api/session/hand-over`, from acct's own hosted sign-in page (`GET /login`) only: hands the
 * session just made there to the site page that sent the user (`redirectUrl`, on the redirect
 * allowlist), bound to that page's browser key, and ends the hosted page's own session.
 */
export const HandOverBody = z.object({ redirectUrl: z.string().max(2000), browserKey: browserKeyField }).strict();

/** Where the hosted page sends the browser: the site page, with `#acct_code=…&acct_flow=sign_in`. */
export interface HandedOver {
  url: string;
}

/**
 * The query of `GET /login`, acct's hosted sign-in page: the site page to come back to signed in
 * (`return_to`, on the redirect allowlist; default: the first allowed origin), and that page's
 * browser key, so that the hand-over signs in there without asking (`browserKey`).
 */
export const HostedLoginQuery = z
  .object({ return_to: z.string().max(2000).optional(), browserKey: browserKeyField })
  .strict();

/** The current session. `token` only comes with the bearer transport, and only on sign-in, exchange and refresh. */
export interface Session {
  id: string;
  expiresAt: Timestamp;
  token?: string;
}

/** How a session was started (the sessions list's and the login history's `method`). */
export type AuthMethod = 'password' | 'magic_link' | 'passkey' | 'oauth' | `oauth_${string}` | 'mfa';

/** What a User-Agent says the device is (server/modules/sessions/device.ts). */
export type DeviceType = 'desktop' | 'mobile' | 'tablet';

/** `GET /api/me`, and `GET /api/session` when someone is signed in. */
export interface CurrentSession {
  user: User;
  session: Session;
}

/** `GET /api/session`: "nobody" is an answer too, so a signed-out page logs no failed request. */
export type SessionCheck = CurrentSession | { user: null; session: null };

/** One row of `GET /api/sessions`. */
export interface DeviceSession {
  id: string;
  current: boolean;
  deviceType: DeviceType | null;
  deviceName: string | null;
  browser: string | null;
  os: string | null;
  ipAddress: string | null;
  city: string | null;
  country: string | null;
  method: AuthMethod | null;
  createdAt: Timestamp;
  lastActiveAt: Timestamp;
}

/** `POST /api/session/exchange` signed in: the flow was started in this browser, or the user confirmed. */
export interface ExchangeSignedIn extends SignedIn {
  status: 'signed_in';
  method: AuthMethod;
}

/** `POST /api/session/exchange` did not sign in: the flow was started elsewhere, and the code stays good for a confirmed exchange. */
export interface ExchangeConfirmationRequired {
  status: 'confirmation_required';
  /** The account the code would sign in. */
  account: { email: string; displayName: string | null };
  /** `email_verification`, `password_reset`, `magic_link` or `invitation`. */
  flow: string;
}

/** A user with a second factor gets `SecondFactorRequired` instead of a session (contract/mfa.ts). */
export type ExchangeAnswer = ExchangeSignedIn | ExchangeConfirmationRequired | SecondFactorRequired;

/** `GET /api/session/token`: a JWT for the site's backend, valid until `expiresAt` (a few minutes). */
export interface SessionToken {
  token: string;
  expiresAt: Timestamp;
}

export const SessionErrors = {
  not_signed_in: { status: 401, message: 'Sign in first.' },
  invalid_code: { status: 400, message: 'This sign-in link has expired or was already used. Sign in again.' },
  hosted_page_only: { status: 403, message: 'Only acct’s own sign-in page may hand a session over.' },
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface SessionRoutes {
  'GET /api/me': Route<never, CurrentSession>;
  'GET /api/session': Route<never, SessionCheck>;
  'POST /api/auth/sign-out': Route<z.input<typeof EmptyBody>, { signedOut: true }>;
  'GET /api/sessions': Route<never, { sessions: DeviceSession[] }>;
  'DELETE /api/sessions/:id': Route<never, { revoked: true }>;
  'POST /api/sessions/revoke-others': Route<z.input<typeof EmptyBody>, { revoked: number }>;
  'POST /api/session/exchange': Route<z.input<typeof ExchangeBody>, ExchangeAnswer>;
  'POST /api/session/hand-over': Route<z.input<typeof HandOverBody>, HandedOver>;
  'POST /api/session/refresh': Route<z.input<typeof EmptyBody>, { session: Session }>;
  'GET /api/session/token': Route<never, SessionToken>;
}
