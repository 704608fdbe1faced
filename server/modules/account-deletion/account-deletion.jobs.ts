/**
 * The deletion itself, once the grace period is over: a periodic job finds the due requests and
 * queues one job per request, which deletes the account. Handlers take the clock (`now`) so that
 * tests can move time instead of waiting 30 days.
 *
 * Deleting an account (one transaction, docs/http-api.md "Account deletion"):
 * - organizations the user owns alone go to the longest-standing admin, else the longest-standing
 *   member; an organization with nobody else in it is deleted with the account;
 * - the user row is deleted: the schema cascades to everything the user owns, and rows that
 *   outlive their author (an organization's `created_by`, an invitation's `invited_by`…) keep
 *   their row with the reference set to null;
 * - a final mail goes to the address (read before deleting) and `user.deleted` is published.
 *
 * Completion is the deletion: the request row goes with the user (the seed's cascade), so no
 * personal data is kept, not even a record of who asked; the log keeps the request's id.
 * Safe to run twice: a request that is no longer open and due is left alone.
 */
import type { Services } from '../../services';
import { defineJob } from '../../jobs/jobs';
import { mailOptions, mailTemplates } from '../mail/templates';
import { deleteUser, findDueRequests, handOffOrganizations, lockDueRequest } from './account-deletion.queries';

/** How many due requests one pass queues (the next pass takes the rest). */
const BATCH = 500;

export interface DeleteAccountData {
  requestId: string;
}

/** Deletes the account of one due request; false when there was nothing (left) to do. */
export async function deleteAccount(services: Services, { requestId }: DeleteAccountData, now = new Date()) {
  const { db, config, mail, events, logger } = services;
  const deleted = await db.knex.transaction(async (trx) => {
    const due = await lockDueRequest(trx, requestId, now);
    if (!due) return false;
    await handOffOrganizations(trx, due.user_id);
    await mail.enqueue(trx, {
      to: due.email,
      template: 'accountDeleted',
      content: mailTemplates.accountDeleted(mailOptions(config, due.locale)),
    });
    await events.publish(trx, { type: 'user.deleted', userId: due.user_id });
    await deleteUser(trx, due.user_id);
    return true;
  });
  if (deleted) logger.info({ requestId }, 'account deleted');
  return deleted;
}

export const deleteAccountJob = defineJob<DeleteAccountData>({
  name: 'account-deletion.delete',
  handler: (services, data) => deleteAccount(services, data).then(() => undefined),
});

/** Queues the deletion of every request due at `now`; returns how many were queued. */
export async function queueDueDeletions(services: Services, _data: object = {}, now = new Date()): Promise<number> {
  const due = await findDueRequests(services.db.knex, now, BATCH);
  let queued = 0;
  for (const { id } of due) {
    // A duplicate (two passes before the job ran) finds the request gone and does nothing.
    const job = await services.jobs.send(deleteAccountJob, { requestId: id });
    if (job) queued++;
  }
  return queued;
}

export const dueDeletionsJob = defineJob<object>({
  name: 'account-deletion.find-due',
  cron: '*/15 * * * *',
  handler: (services, data) => queueDueDeletions(services, data).then(() => undefined),
});
