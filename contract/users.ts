/**
 * The signed-in user's own account: who they are as every answer shows them, and their profile
 * (server/modules/users/).
 */
import { z } from 'zod';
import { emailField, nameField } from './fields.js';
import { PasskeyErrors } from './passkeys.js';
import type { EmptyBody } from './onboarding.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/** The signed-in user, as every auth answer and `GET /api/me` return it. */
export interface User {
  id: string;
  email: string;
  emailVerified: boolean;
  displayName: string | null;
  avatarUrl: string | null;
  /** A few words about themselves (at most 500 characters), null when none. */
  bio: string | null;
  role: 'user' | 'admin';
  /** Language of the user's mail (`en`, `fr`); null: each request's language decides. */
  locale: string | null;
  /**
   * Only while the account is scheduled for deletion (contract/account-deletion.ts): when it will
   * be deleted. The elements show it with a way to cancel.
   */
  deletionScheduledFor?: Timestamp;
}

/** The profile fields and their rules, shared by `PATCH /api/me` and the onboarding profile step. */
export const profileFields = {
  displayName: nameField(100),
  avatarUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .or(z.literal('')),
  bio: z.string().trim().max(500),
};

/**
 * A language tag as sent; which languages acct speaks is the server's to say, so the server
 * narrows this field to one of them (server/modules/users/users.routes.ts).
 */
export const localeTagField = z.string('unsupported_language').max(35, 'unsupported_language');

/** `PATCH /api/me`: the fields to change; '' or null clears avatar and bio, null the locale. */
export const ProfilePatch = z
  .object({
    displayName: profileFields.displayName.optional(),
    avatarUrl: profileFields.avatarUrl.nullable().optional(),
    bio: profileFields.bio.nullable().optional(),
    // null: no language of one's own, each request's decides.
    locale: localeTagField.nullable().optional(),
  })
  .strict();

/**
 * `PUT /api/me/avatar`: the picture's bytes, base64-encoded (JSON, like every state-changing call,
 * so that the CSRF rules stay one). PNG, JPEG, WebP or GIF, told by its first bytes, never by a
 * declared type; at most ACCT_AVATAR_MAX_BYTES once decoded. SVG is refused: it can carry script.
 */
export const AvatarUpload = z.object({ image: z.base64('invalid_image').min(1, 'invalid_image') }).strict();

/**
 * `POST /api/me/email`: the new address, and the page the confirmation link's landing returns to
 * (allowlisted; else the first allowed origin). Needs a recent sign-in (docs/security.md F3).
 */
export const EmailChangeBody = z.object({ email: emailField, redirectUrl: z.string().max(2000).optional() }).strict();

/**
 * The answer to `POST /api/me/email`, the same whether or not the address already has an account
 * (no enumeration): a link is on its way to `email`.
 */
export interface EmailChangeStarted {
  status: 'confirmation_sent';
  email: string;
}

/**
 * `GET /api/me/email`: the change waiting for its link to be followed, if any — the address it
 * was mailed to and when the link expires. Shown the same whether or not that address has an
 * account (no enumeration).
 */
export interface PendingEmailChange {
  pending: { email: string; expiresAt: string } | null;
}

export const UserErrors = {
  unsupported_image_type: { status: 415, message: 'Upload a PNG, JPEG, WebP or GIF picture.' },
  image_too_large: { status: 413, message: 'This picture is too large.' },
  email_unchanged: { status: 400, message: 'This is already your email address.' },
  email_in_use: { status: 409, message: 'Another account uses this email address now.' },
  reauthentication_required: PasskeyErrors.reauthentication_required,
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface UserRoutes {
  'PATCH /api/me': Route<z.input<typeof ProfilePatch>, { user: User }>;
  /** Stores the picture and points `avatarUrl` at its public, content-addressed URL. */
  'PUT /api/me/avatar': Route<z.input<typeof AvatarUpload>, { user: User }>;
  /** Removes the uploaded picture and clears `avatarUrl`. */
  'DELETE /api/me/avatar': Route<never, { user: User }>;
  /** Mails a confirmation link to the new address (202). */
  'POST /api/me/email': Route<z.input<typeof EmailChangeBody>, EmailChangeStarted>;
  /** The email change waiting for confirmation, if any. */
  'GET /api/me/email': Route<never, PendingEmailChange>;
  /** Cancels the waiting change: its link stops working. */
  'DELETE /api/me/email': Route<z.input<typeof EmptyBody>, { cancelled: boolean }>;
}
