/**
 * Signing up and in with a password or an emailed link: sign-up, sign-in, forgotten and changed
 * passwords, magic links, email verification. The hand-over exchange (`POST /api/session/exchange`)
 * is the sessions module's, in sessions.ts.
 *
 * The server's routes validate with these schemas (server/modules/passwords, magic-links,
 * email-verification); the elements import the types only.
 */
import { z } from 'zod';
import { browserKeyField, emailField, nameField } from './fields.js';
import type { SecondFactorRequired } from './mfa.js';
import type { AuthMethod, Session } from './sessions.js';
import type { User } from './users.js';
import type { ErrorCatalogue, Route } from './wire.js';

/**
 * The longest new password, in characters (server/modules/passwords/password-policy.ts). argon2
 * takes any length, but an unbounded one is a cheap way to burn the server's CPU.
 */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * A password as a request carries it. The length is judged in characters by the password policy;
 * here only a bound in UTF-16 units, generous enough for 256 characters of any script or emoji.
 */
export const passwordField = z
  .string('required')
  .min(1, 'required')
  .max(PASSWORD_MAX_LENGTH * 4, 'password_too_long');

/** Where an emailed link returns to; the server keeps it only when its origin is allowed. */
const redirectUrlField = z.string().max(2000).optional();

export const SignUpBody = z
  .object({
    email: emailField,
    password: passwordField,
    displayName: nameField(255).optional(),
    redirectUrl: redirectUrlField,
    browserKey: browserKeyField,
  })
  .strict();

export const SignInBody = z
  .object({ email: emailField, password: passwordField, redirectUrl: redirectUrlField, browserKey: browserKeyField })
  .strict();

export const ForgotPasswordBody = z
  .object({ email: emailField, redirectUrl: redirectUrlField, browserKey: browserKeyField })
  .strict();

export const ChangePasswordBody = z.object({ currentPassword: passwordField, newPassword: passwordField }).strict();

export const MagicLinkBody = z
  .object({ email: emailField, redirectUrl: redirectUrlField, browserKey: browserKeyField })
  .strict();

export const ResendVerificationBody = z
  .object({ email: emailField, redirectUrl: redirectUrlField, browserKey: browserKeyField })
  .strict();

/** `POST /api/auth/sign-in`, `/sign-up` (without verification), passkey sign-in and `/api/session/exchange`. */
export interface SignedIn {
  user: User;
  session: Session;
  /** Only on the passkey sign-in and the exchange: how the user was signed in. */
  method?: AuthMethod;
}

/**
 * `POST /api/auth/sign-up` when addresses must be confirmed (202), and `POST
 * /api/auth/verification/resend` (202): the same answer for any address, so it says nothing about accounts.
 */
export interface VerificationSent {
  status: 'verification_sent';
}

/** `POST /api/auth/password/forgot` (202): the same answer for any address. */
export interface ResetSent {
  status: 'reset_sent';
}

/** `POST /api/auth/password/change`: how many of the user's other sessions ended with it. */
export interface PasswordChanged {
  otherSessionsEnded: number;
}

/** `POST /api/auth/magic-link`: the same answer for any address, so it says nothing about accounts. */
export interface MagicLinkSent {
  status: 'link_sent';
  /** What to poll at `GET /api/auth/magic-link/:id/status`. */
  linkId: string;
  /** How long the link works; polling past that is pointless. */
  expiresInSeconds: number;
}

/**
 * `GET /api/auth/magic-link/:id/status`: only whether the link was used, and nothing about
 * who. An expired link and an address that never got one both stay `pending`.
 */
export type MagicLinkStatus = 'pending' | 'used';

/**
 * The codes of this area. A password problem of a new password (`password_too_short`,
 * `password_too_long`, `password_too_common`) is not an error code but a field code of a 400
 * `invalid_request` (`fields: { password: "password_too_short" }`).
 */
export const AuthErrors = {
  invalid_credentials: { status: 401, message: 'The email or password is not right.' },
  email_not_verified: { status: 403, message: 'Confirm your email address first: we have sent you a new link.' },
  sign_up_disabled: { status: 403, message: 'New accounts cannot be created here.' },
  email_taken: { status: 409, message: 'An account with this email already exists.' },
  wrong_password: { status: 403, message: 'The current password is not right.' },
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface AuthRoutes {
  'POST /api/auth/sign-up': Route<z.input<typeof SignUpBody>, SignedIn | VerificationSent>;
  /** `SecondFactorRequired` for a user with a second factor: no session until `POST /api/auth/mfa/verify`. */
  'POST /api/auth/sign-in': Route<z.input<typeof SignInBody>, SignedIn | SecondFactorRequired>;
  'POST /api/auth/password/forgot': Route<z.input<typeof ForgotPasswordBody>, ResetSent>;
  'POST /api/auth/password/change': Route<z.input<typeof ChangePasswordBody>, PasswordChanged>;
  'POST /api/auth/magic-link': Route<z.input<typeof MagicLinkBody>, MagicLinkSent>;
  'GET /api/auth/magic-link/:id/status': Route<never, { status: MagicLinkStatus }>;
  'POST /api/auth/verification/resend': Route<z.input<typeof ResendVerificationBody>, VerificationSent>;
}
