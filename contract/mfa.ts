/**
 * Second factor (server/modules/mfa/): a TOTP authenticator (RFC 6238) with recovery codes, the
 * "second factor required" answer of a sign-in and its completion, and the status the account
 * page shows. An organization's `requireMfa` policy is in organizations.ts.
 */
import { z } from 'zod';
import type { SignedIn } from './auth.js';
import type { EmptyBody } from './sessions.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/** How many recovery codes a set has. */
export const RECOVERY_CODE_COUNT = 10;

/** A TOTP code as typed: six digits, spaces allowed (authenticator apps show `123 456`). */
const totpCodeField = z
  .string('required')
  .max(64, 'invalid_mfa_code')
  .transform((code) => code.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'invalid_mfa_code'));

/** A recovery code as typed: letters and digits, dashes and spaces allowed, any case. */
const recoveryCodeField = z.string('required').min(1, 'required').max(64, 'invalid_mfa_code');

/** `POST /api/mfa/totp/confirm`: the first code of the authenticator being enrolled. */
export const ConfirmTotpBody = z.object({ code: totpCodeField }).strict();

/** `POST /api/auth/mfa/verify`: the pending sign-in, and a TOTP code or a recovery code (exactly one). */
export const VerifySecondFactorBody = z
  .object({
    mfaToken: z.string('required').min(1, 'required').max(100),
    code: totpCodeField.optional(),
    recoveryCode: recoveryCodeField.optional(),
  })
  .strict()
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    message: 'required',
    path: ['code'],
  });

/**
 * A correct first factor of a user with a second factor (password or passkey sign-in, the
 * exchange of a magic-link or OAuth hand-over code): not a session yet. The session comes from
 * `POST /api/auth/mfa/verify` with `mfaToken` (single use, until `expiresAt`, five minutes).
 */
export interface SecondFactorRequired {
  status: 'mfa_required';
  mfaToken: string;
  expiresAt: Timestamp;
  /** What the user may answer with. */
  methods: ('totp' | 'recovery_code')[];
}

/** `GET /api/mfa`: the signed-in user's second factor. */
export interface MfaStatus {
  enabled: boolean;
  /** When the authenticator was confirmed. */
  enabledAt: Timestamp | null;
  /** Unused recovery codes left. */
  recoveryCodesRemaining: number;
}

/** `POST /api/mfa/totp/enrol`: the new secret, three ways; nothing is on until it is confirmed. */
export interface TotpEnrolment {
  /** `otpauth://totp/…`, what the QR code holds. */
  uri: string;
  /** The secret in base32, to type into an app by hand. */
  secret: string;
  /** The QR code as an SVG document, drawn by acct itself. */
  qrSvg: string;
}

/** The recovery codes, shown once: at confirmation and when regenerated. */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

export const MfaErrors = {
  invalid_mfa_code: { status: 400, message: 'That code is not right, or was already used. Try the next one.' },
  mfa_challenge_expired: { status: 400, message: 'This sign-in has expired. Sign in again.' },
  mfa_already_enabled: { status: 409, message: 'Two-step verification is already on.' },
  mfa_not_enabled: { status: 409, message: 'Two-step verification is not on.' },
  mfa_enrolment_missing: { status: 409, message: 'Start setting up the authenticator again.' },
  mfa_required: {
    status: 403,
    message: 'This organization requires two-step verification. Turn it on in your account’s security settings.',
  },
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface MfaRoutes {
  'GET /api/mfa': Route<never, MfaStatus>;
  /** Needs a recent sign-in. */
  'POST /api/mfa/totp/enrol': Route<z.input<typeof EmptyBody>, TotpEnrolment>;
  'POST /api/mfa/totp/confirm': Route<z.input<typeof ConfirmTotpBody>, MfaStatus & RecoveryCodes>;
  /** Needs a recent sign-in; the old set stops working. */
  'POST /api/mfa/recovery-codes': Route<z.input<typeof EmptyBody>, RecoveryCodes>;
  /** Needs a recent sign-in. */
  'POST /api/mfa/disable': Route<z.input<typeof EmptyBody>, MfaStatus>;
  'POST /api/auth/mfa/verify': Route<z.input<typeof VerifySecondFactorBody>, SignedIn>;
}
