/**
 * Step-up re-authentication (server/modules/reauthentication, docs/security.md F3): a signed-in
 * user proves again who they are — with a password, a passkey or a one-time code — and the
 * session's proof time is refreshed, without signing out. Sensitive changes answer 403
 * `reauthentication_required` (contract/errors.ts) when the last proof is older than ten minutes;
 * the elements then open their re-authentication dialog and retry.
 */
import { z } from 'zod';
import { passwordField } from './auth.js';
import { CommonErrors, RecentProofErrors } from './errors.js';
import { AuthenticationResponse, type Named, type PasskeyRequestOptions } from './passkeys.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/** The ways a user may prove it is them; `totp` is offered once the user has a second factor. */
export const REAUTH_METHOD_NAMES = ['password', 'passkey', 'totp'] as const;
export type ReauthMethodName = (typeof REAUTH_METHOD_NAMES)[number];

export const PasswordProof = z.object({ method: z.literal('password'), password: passwordField }).strict();
export const PasskeyProof = z.object({ method: z.literal('passkey'), response: AuthenticationResponse }).strict();
/** A one-time code (an authenticator app's): checked by the method that offers it. */
export const CodeProof = z
  .object({ method: z.literal('totp'), code: z.string('required').min(1, 'required').max(64) })
  .strict();

/** `POST /api/auth/reauthenticate`: one proof. */
export const ReauthenticateBody = z.discriminatedUnion('method', [PasswordProof, PasskeyProof, CodeProof]);

/** The passkey options request carries no fields, but a JSON body all the same (the CSRF defence). */
export const ReauthPasskeyOptionsBody = z.object({}).strict();

/** `GET /api/auth/reauthenticate`: what this user can prove with, and until when the session's last proof counts. */
export interface ReauthMethods {
  methods: ReauthMethodName[];
  /** When the session's last proof (sign-in or re-authentication) stops admitting sensitive changes. */
  recentUntil: Timestamp;
}

/** `POST /api/auth/reauthenticate` succeeded. */
export interface Reauthenticated {
  reauthenticated: true;
  recentUntil: Timestamp;
}

export const ReauthErrors = {
  ...RecentProofErrors,
  reauthentication_failed: { status: 401, message: 'That did not prove it is you. Try again.' },
  reauthentication_method_unavailable: {
    status: 400,
    message: 'This way of confirming it is you is not available for your account.',
  },
  invalid_request: CommonErrors.invalid_request,
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface ReauthRoutes {
  'GET /api/auth/reauthenticate': Route<never, ReauthMethods>;
  'POST /api/auth/reauthenticate': Route<Named<z.input<typeof ReauthenticateBody>>, Reauthenticated>;
  'POST /api/auth/reauthenticate/passkey-options': Route<
    z.input<typeof ReauthPasskeyOptionsBody>,
    PasskeyRequestOptions
  >;
}
