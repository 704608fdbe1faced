/**
 * Outgoing mail. A request writes the message to `mail_queue` and queues a `mail.send` job on the
 * job runner (server/jobs/job-runner.ts) in its own transaction, and answers at once; a worker
 * sends it, and a failure is retried with back-off (about 30 s doubling to two hours, for some
 * four hours in all) before the message is marked failed. A mail server that is down never fails
 * a request, and a process that dies mid-send leaves its job to expire and be taken again, so
 * nothing is lost (docs/security.md I3). `mail_queue` keeps what was sent and why it failed;
 * bodies (which hold sign-in links) are sealed at rest and cleared once delivered, except in the
 * development outbox. The SQL is in mail.queries.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { OutboxMessage } from '../../../contract/mail';
import { iso } from '../../../contract/wire';
import type { Logger } from '../../http/logging';
import { defineJob, type Jobs } from '../../jobs/jobs';
import type { Envelope } from '../../security/envelope';
import type { MailContent, MailTemplateName } from './templates';
import type { MailTransport } from './transport';
import { countAttempt, insertMail, keptMail, markMailFailed, markMailSent } from './mail.queries';

/** Retries after the first attempt; the first waits 30–60 s, each next one twice as long (pg-boss's jittered back-off). */
export const MAIL_RETRY = { limit: 8, delaySeconds: 30, backoff: true };

/** Sends one queued message (server/jobs/registry.ts). */
export const sendMailJob = defineJob<{ mailId: string }>({
  name: 'mail.send',
  handler: (services, { mailId }) => services.mail.deliver(mailId),
  retry: MAIL_RETRY,
  // An SMTP exchange that takes two minutes has failed; the message is tried again.
  expireInSeconds: 120,
});

export interface QueuedMail {
  to: string;
  template: MailTemplateName;
  content: MailContent;
}

export class MailQueue {
  constructor(
    private readonly knex: Knex,
    private readonly jobs: Jobs,
    private readonly transport: MailTransport,
    private readonly envelope: Envelope,
    private readonly from: string,
    private readonly logger: Logger,
  ) {}

  /** Queues a message in `db` (pass the request's transaction so it commits with it). */
  async enqueue(db: Knex | Knex.Transaction, mail: QueuedMail): Promise<string> {
    const id = randomUUID();
    await insertMail(db, {
      id,
      to_address: mail.to,
      template: mail.template,
      subject: mail.content.subject,
      body_encrypted: this.envelope.seal(
        JSON.stringify({ text: mail.content.text, html: mail.content.html }),
        `mail_queue:${id}`,
      ),
    });
    await this.jobs.send(sendMailJob, { mailId: id }, { db });
    return id;
  }

  /**
   * The `mail.send` job: one attempt at a message. Throws to have it retried; after the last
   * retry the message is marked failed instead. A message already sent (a job run twice after its
   * worker died between sending and saying so) is left alone.
   */
  async deliver(mailId: string): Promise<void> {
    const row = await countAttempt(this.knex, mailId);
    if (!row) return;
    try {
      const body = JSON.parse(this.envelope.open(row.body_encrypted ?? '', `mail_queue:${row.id}`)) as {
        text: string;
        html: string;
      };
      await this.transport.send({ from: this.from, to: row.to_address, subject: row.subject, ...body });
      // Only the development outbox keeps what it "sent"; real mail is gone from here.
      await markMailSent(this.knex, row.id, { keepBody: this.transport.kind === 'outbox' });
      this.logger.info({ mailId: row.id, template: row.template, transport: this.transport.kind }, 'mail sent');
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const final = row.attempts > MAIL_RETRY.limit;
      await markMailFailed(this.knex, row.id, error, { final });
      this.logger.warn(
        { mailId: row.id, template: row.template, attempt: row.attempts, final, error },
        final ? 'mail not sent: given up' : 'mail not sent: will retry',
      );
      if (!final) throw err;
    }
  }

  /** Closes the transport (at shutdown, after the job runner has stopped). */
  close(): void {
    this.transport.close();
  }

  /** The development outbox, newest first. */
  async outbox(limit = 50): Promise<OutboxMessage[]> {
    const rows = await keptMail(this.knex, limit);
    return rows.map((row) => {
      const body = JSON.parse(this.envelope.open(row.body_encrypted!, `mail_queue:${row.id}`)) as {
        text: string;
        html: string;
      };
      return {
        id: row.id,
        to: row.to_address,
        template: row.template,
        subject: row.subject,
        ...body,
        createdAt: iso(row.created_at),
      };
    });
  }
}
