/**
 * The mail module's SQL, on `mail_queue` (see mail-queue.ts for how the queue works). Claiming
 * takes due messages with `FOR UPDATE SKIP LOCKED` and a lease in one statement, so two workers
 * never send one message, and a worker that dies mid-send loses its claim when the lease ends.
 */
import type { Knex } from 'knex';
import type { MailQueueRow } from '../../db/tables';

type Db = Knex | Knex.Transaction;

export type ClaimedMail = Pick<
  MailQueueRow,
  'id' | 'to_address' | 'template' | 'subject' | 'body_encrypted' | 'attempts'
>;

export async function insertMail(
  db: Db,
  mail: Pick<MailQueueRow, 'id' | 'to_address' | 'template' | 'subject'> & { body_encrypted: string },
): Promise<void> {
  await db('mail_queue').insert(mail);
}

/** Claims up to `limit` due messages for `leaseSeconds`, counting the attempt. */
export async function claimDueMail(
  knex: Knex,
  { limit, leaseSeconds }: { limit: number; leaseSeconds: number },
): Promise<ClaimedMail[]> {
  const claimed = await knex.raw<{ rows: ClaimedMail[] }>(
    `update mail_queue set status = 'sending', attempts = attempts + 1,
            next_attempt_at = now() + make_interval(secs => ?)
     where id in (select id from mail_queue
                  where status in ('pending', 'sending') and next_attempt_at <= now()
                  order by next_attempt_at limit ? for update skip locked)
     returning id, to_address, template, subject, body_encrypted, attempts`,
    [leaseSeconds, limit],
  );
  return claimed.rows;
}

/** Marks a message sent; its body is cleared unless `keepBody` (the development outbox). */
export async function markMailSent(knex: Knex, id: string, { keepBody }: { keepBody: boolean }): Promise<void> {
  await knex('mail_queue')
    .where({ id })
    .update({
      status: 'sent',
      sent_at: knex.fn.now(),
      last_error: null,
      ...(keepBody ? {} : { body_encrypted: null }),
    });
}

/** Records a failed attempt: tried again in `retryInSeconds`, or given up when that is undefined. */
export async function markMailFailed(
  knex: Knex,
  id: string,
  error: string,
  retryInSeconds: number | undefined,
): Promise<void> {
  await knex('mail_queue')
    .where({ id })
    .update(
      retryInSeconds === undefined
        ? { status: 'failed', last_error: error }
        : {
            status: 'pending',
            last_error: error,
            next_attempt_at: knex.raw('now() + make_interval(secs => ?)', [retryInSeconds]),
          },
    );
}

/** Sent messages whose body was kept (the development outbox), newest first. */
export function keptMail(knex: Knex, limit: number): Promise<MailQueueRow[]> {
  return knex('mail_queue')
    .where({ status: 'sent' })
    .whereNotNull('body_encrypted')
    .orderBy('created_at', 'desc')
    .limit(limit);
}
