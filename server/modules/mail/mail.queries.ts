/**
 * The mail module's SQL, on `mail_queue` (see mail-queue.ts for how mail is sent: the job runner
 * decides when a message is attempted, this table keeps what happened to it).
 */
import type { Knex } from 'knex';
import type { MailQueueRow } from '../../db/tables';

type Db = Knex | Knex.Transaction;

export type MailToSend = Pick<
  MailQueueRow,
  'id' | 'to_address' | 'template' | 'subject' | 'body_encrypted' | 'attempts'
>;

export async function insertMail(
  db: Db,
  mail: Pick<MailQueueRow, 'id' | 'to_address' | 'template' | 'subject'> & { body_encrypted: string },
): Promise<void> {
  await db('mail_queue').insert(mail);
}

/**
 * Counts an attempt at a message still to send and returns it; undefined when it is gone or no
 * longer waiting (sent, or given up).
 */
export async function countAttempt(knex: Knex, id: string): Promise<MailToSend | undefined> {
  const [row] = await knex('mail_queue')
    .where({ id })
    .whereIn('status', ['pending', 'sending'])
    .update({ status: 'sending', attempts: knex.raw('attempts + 1') })
    .returning(['id', 'to_address', 'template', 'subject', 'body_encrypted', 'attempts']);
  return row as MailToSend | undefined;
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

/** Records a failed attempt: waiting for its retry, or given up when `final`. */
export async function markMailFailed(
  knex: Knex,
  id: string,
  error: string,
  { final }: { final: boolean },
): Promise<void> {
  await knex('mail_queue')
    .where({ id })
    .update({ status: final ? 'failed' : 'pending', last_error: error });
}

/** Sent messages whose body was kept (the development outbox), newest first. */
export function keptMail(knex: Knex, limit: number): Promise<MailQueueRow[]> {
  return knex('mail_queue')
    .where({ status: 'sent' })
    .whereNotNull('body_encrypted')
    .orderBy('created_at', 'desc')
    .limit(limit);
}
