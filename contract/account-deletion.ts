/**
 * Account deletion with a grace period (server/modules/account-deletion/): the signed-in user asks
 * for it (a recent sign-in, and their address typed again), every session ends at once, and the
 * account is deleted for good when the grace period is over, unless the user cancels first —
 * signed in again, or with the link of the confirmation mail.
 */
import { z } from 'zod';
import { DELETION_REASONS, type DeletionReason } from './constants.js';
import { PasskeyErrors } from './passkeys.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

export { DELETION_REASONS, type DeletionReason };

/** `POST /api/me/deletion`: the account's address typed again (compared case-insensitively), and why, optionally. */
export const RequestDeletionBody = z
  .object({
    confirmEmail: z.string().trim().max(320),
    reason: z.enum(DELETION_REASONS).optional(),
    feedback: z.string().trim().max(2000).optional(),
  })
  .strict();

/** A scheduled deletion. */
export interface ScheduledDeletion {
  /** When the account is deleted, unless cancelled before. */
  scheduledFor: Timestamp;
  /** When it was asked for. */
  requestedAt: Timestamp;
}

/** `GET /api/me/deletion`: the scheduled deletion, or null. */
export interface DeletionStatus {
  deletion: ScheduledDeletion | null;
}

export const AccountDeletionErrors = {
  email_mismatch: { status: 400, message: 'Type the email address of your account to confirm.' },
  deletion_already_scheduled: { status: 409, message: 'Your account is already scheduled for deletion.' },
  deletion_not_scheduled: { status: 404, message: 'Your account is not scheduled for deletion.' },
  reauthentication_required: PasskeyErrors.reauthentication_required,
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface AccountDeletionRoutes {
  'GET /api/me/deletion': Route<never, DeletionStatus>;
  /** 201; every session of the user has ended when it answers. */
  'POST /api/me/deletion': Route<z.input<typeof RequestDeletionBody>, { deletion: ScheduledDeletion }>;
  'DELETE /api/me/deletion': Route<never, { cancelled: true }>;
}
