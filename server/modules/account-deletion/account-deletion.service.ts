/**
 * Account deletion with a grace period (issue 11): the user asks (a sign-in at most ten minutes
 * old, docs/security.md F3, and their address typed again), every one of their sessions ends at
 * once (C3), and a mail confirms with a link that cancels. Until `scheduled_for`
 * (ACCT_DELETION_GRACE_DAYS, 30 by default) the user may sign in again — the sign-in answers carry
 * `deletionScheduledFor`, so the elements say so — and cancel, signed in or through the link. The
 * deletion itself is a job (account-deletion.jobs.ts). SQL in account-deletion.queries.ts.
 */
import type { Knex } from 'knex';
import type { DeletionReason, ScheduledDeletion } from '../../../contract/account-deletion';
import { AccountDeletionErrors } from '../../../contract/account-deletion';
import { iso } from '../../../contract/wire';
import { ApiError } from '../../http/errors';
import type { Language } from '../../i18n';
import type { Services } from '../../services';
import { mailOptions, mailTemplates } from '../mail/templates';
import { consumeToken, issueToken, peekToken } from '../one-time-tokens/one-time-tokens.queries';
import { requireRecentSignIn } from '../sessions/recent-sign-in';
import type { RequestContext } from '../sessions/request-context';
import { revokeOtherSessions, type ActiveSession } from '../sessions/sessions.queries';
import { findUserById } from '../users/users.queries';
import {
  cancelOpenRequest,
  findOpenRequest,
  insertRequest,
  retireCancelLinks,
  type DeletionRequestRow,
} from './account-deletion.queries';

/** The hosted page of the mailed cancel link. */
export const CANCEL_DELETION_PATH = '/auth/cancel-deletion';

const toScheduled = (row: DeletionRequestRow): ScheduledDeletion => ({
  scheduledFor: iso(row.scheduled_for),
  requestedAt: iso(row.created_at),
});

/** `GET /api/me/deletion`. */
export async function deletionStatus({ db }: Services, userId: string): Promise<ScheduledDeletion | null> {
  const row = await db.knex.transaction((trx) => findOpenRequest(trx, userId));
  return row ? toScheduled(row) : null;
}

export interface DeletionAsked {
  confirmEmail: string;
  reason?: DeletionReason | undefined;
  feedback?: string | undefined;
}

/**
 * `POST /api/me/deletion`: schedules the deletion, ends every session of the user (this one
 * too) and mails the cancel link, in one transaction.
 */
export async function requestDeletion(
  services: Services,
  session: ActiveSession,
  asked: DeletionAsked,
  context: RequestContext,
): Promise<ScheduledDeletion> {
  const { config, db, mail } = services;
  requireRecentSignIn(session);
  if (asked.confirmEmail.toLowerCase() !== session.user.email.toLowerCase()) {
    throw ApiError.of(AccountDeletionErrors, 'email_mismatch');
  }
  return db.knex.transaction(async (trx) => {
    const row = await insertRequest(trx, {
      userId: session.userId,
      reason: asked.reason ?? null,
      feedback: asked.feedback || null,
      graceDays: config.deletionGraceDays,
    });
    if (!row) throw ApiError.of(AccountDeletionErrors, 'deletion_already_scheduled');
    await revokeOtherSessions(trx, session.userId);
    const options = mailOptions(config, session.user.locale, context.language);
    const token = await issueToken(trx, {
      userId: session.userId,
      purpose: 'deletion_cancel',
      data: { requestId: row.id },
      language: options.lang,
      ip: context.ip,
      // Good until the deletion (and a day more, for a link opened in the last hours: the page then says it is too late).
      ttlSeconds: (config.deletionGraceDays + 1) * 86_400,
    });
    await mail.enqueue(trx, {
      to: session.user.email,
      template: 'deletionRequested',
      content: mailTemplates.deletionRequested(
        options,
        row.scheduled_for,
        `${config.publicUrl}${CANCEL_DELETION_PATH}?token=${token}`,
      ),
    });
    return toScheduled(row);
  });
}

/** Cancels the user's open request and mails that it was; false when none was open. */
async function cancel(
  services: Services,
  trx: Knex.Transaction,
  userId: string,
  language?: Language,
): Promise<boolean> {
  if (!(await cancelOpenRequest(trx, userId))) return false;
  await retireCancelLinks(trx, userId);
  const user = await findUserById(trx, userId);
  if (user) {
    const options = mailOptions(services.config, user.locale, language);
    await services.mail.enqueue(trx, {
      to: user.email,
      template: 'deletionCancelled',
      content: mailTemplates.deletionCancelled(options),
    });
  }
  return true;
}

/** `DELETE /api/me/deletion`: signed in again during the grace period. */
export async function cancelDeletion(services: Services, userId: string, context: RequestContext): Promise<void> {
  const cancelled = await services.db.knex.transaction((trx) => cancel(services, trx, userId, context.language));
  if (!cancelled) throw ApiError.of(AccountDeletionErrors, 'deletion_not_scheduled');
}

/** The cancel link's page, before its button: when the deletion is scheduled for, if the link can still cancel it. */
export async function openCancelLink(
  { db }: Services,
  token: unknown,
): Promise<{ scheduledFor: Date; language: Language | undefined } | undefined> {
  return db.knex.transaction(async (trx) => {
    const link = await peekToken(trx, 'deletion_cancel', token);
    const row = link && (await findOpenRequest(trx, link.userId));
    return row && row.id === link.data.requestId
      ? { scheduledFor: row.scheduled_for, language: link.language }
      : undefined;
  });
}

/** The cancel link's button: uses the link up and cancels; the link's language, or undefined when it could not. */
export async function cancelByLink(
  services: Services,
  token: unknown,
): Promise<{ language: Language | undefined } | undefined> {
  return services.db.knex.transaction(async (trx) => {
    const link = await consumeToken(trx, 'deletion_cancel', token);
    if (!link) return undefined;
    const row = await findOpenRequest(trx, link.userId);
    if (!row || row.id !== link.data.requestId) return undefined;
    await cancel(services, trx, link.userId, link.language);
    return { language: link.language };
  });
}
