/**
 * The outgoing mail queue in PostgreSQL (`mail_queue`). A request enqueues inside its own
 * transaction and answers at once; a worker in every server process claims due messages with
 * `FOR UPDATE SKIP LOCKED` and a lease, sends them, and retries failures with back-off. A mail
 * server that is down never fails a request, and a process that dies mid-send leaves its claim to
 * expire and be taken again, so nothing is lost (docs/security.md I3). Bodies (which hold sign-in
 * links) are sealed at rest and cleared once delivered, except in the development outbox. The
 * SQL is in mail.queries.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { OutboxMessage } from '../../../contract/mail';
import { iso } from '../../../contract/wire';
import type { Logger } from '../../http/logging';
import type { Envelope } from '../../security/envelope';
import type { MailContent, MailTemplateName } from './templates';
import type { MailTransport } from './transport';
import { claimDueMail, insertMail, keptMail, markMailFailed, markMailSent, type ClaimedMail } from './mail.queries';

/** Seconds to wait before attempt n+1, after n failed attempts; then the message is given up. */
export const RETRY_SCHEDULE_SECONDS = [30, 120, 600, 1800, 3600, 7200, 14_400, 28_800];
/** A claim lasts this long; a worker that died mid-send loses it then. */
const LEASE_SECONDS = 120;
const POLL_MS = 2000;
const BATCH = 10;

export interface QueuedMail {
  to: string;
  template: MailTemplateName;
  content: MailContent;
}

export class MailQueue {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private started = false;

  constructor(
    private readonly knex: Knex,
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
    // Soon, not now: the caller's transaction has to commit before the message is visible.
    this.nudge(50);
    return id;
  }

  /** Polls for due messages until stopped. */
  start(): void {
    this.started = true;
    this.nudge(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  /** Schedules the next pass (only while started: tests drive `processDue` themselves). */
  private nudge(delayMs: number): void {
    if (!this.started) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // A full batch suggests a backlog: take the next one at once instead of waiting a poll.
      void this.processDue().then(
        (sent) => this.nudge(sent >= BATCH ? 0 : POLL_MS),
        () => this.nudge(POLL_MS),
      );
    }, delayMs);
    this.timer.unref();
  }

  /** Sends what is due now (one batch at a time, never two passes at once); returns how many were sent. */
  processDue(): Promise<number> {
    this.running ??= this.sendBatch().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sendBatch(): Promise<number> {
    let claimed: ClaimedMail[];
    try {
      claimed = await claimDueMail(this.knex, { limit: BATCH, leaseSeconds: LEASE_SECONDS });
    } catch (err) {
      this.logger.warn({ err }, 'mail queue: could not claim messages');
      return 0;
    }
    let sent = 0;
    for (const row of claimed) {
      try {
        const body = JSON.parse(this.envelope.open(row.body_encrypted ?? '', `mail_queue:${row.id}`)) as {
          text: string;
          html: string;
        };
        await this.transport.send({ from: this.from, to: row.to_address, subject: row.subject, ...body });
        // Only the development outbox keeps what it "sent"; real mail is gone from here.
        await markMailSent(this.knex, row.id, { keepBody: this.transport.kind === 'outbox' });
        sent++;
        this.logger.info({ mailId: row.id, template: row.template, transport: this.transport.kind }, 'mail sent');
      } catch (err) {
        const delay = RETRY_SCHEDULE_SECONDS[row.attempts - 1];
        const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
        await markMailFailed(this.knex, row.id, error, delay).catch((updateErr: unknown) =>
          this.logger.error({ err: updateErr }, 'mail queue: could not record a failure'),
        );
        this.logger.warn(
          { mailId: row.id, template: row.template, attempt: row.attempts, retryInSeconds: delay ?? null, error },
          'mail not sent',
        );
      }
    }
    return sent;
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
