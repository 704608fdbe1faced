/**
 * The dispatcher: a notification for a user goes to every channel their preferences enable for
 * its event type (settings.service.ts; the catalogue's defaults otherwise).
 *
 * - Urgent event types (security) go out at once on every channel, whatever the time or frequency.
 * - Otherwise, inside the user's quiet hours (quiet-hours.ts) the notification is HELD in
 *   `notification_outbox` until they end; the release job delivers it then.
 * - Email of an event type set to `daily` or `weekly` is folded into a digest: it waits in the
 *   outbox until the next digest time (09:00 in the user's quiet-hours time zone, daily or on
 *   Mondays; pushed past quiet hours), and the release job sends one mail per user listing it with
 *   the others. In-app and push still follow the instant path.
 *
 * Everything is written in the caller's `db` (a transaction): a notification exists exactly when
 * its cause committed. The release job (`releaseDueNotifications`) runs every minute on the job
 * runner (server/jobs/jobs.ts), so a held notification arrives within a minute of its time.
 */
import type { Knex } from 'knex';
import { NotificationErrors } from '../../../contract/notifications';
import { ApiError } from '../../http/errors';
import { defineJob } from '../../jobs/jobs';
import type { Services } from '../../services';
import { mailOptions, mailTemplates } from '../mail/templates';
import { findUserById } from '../users/users.queries';
import { catalogueEntry } from './catalogue';
import type { ChannelName, OutgoingNotification } from './channel';
import { channelNamed } from './channels';
import { insertOutbox, selectChoicesOf, selectRecipient, takeDueOutbox, type OutboxRow } from './notifications.queries';
import { nextLocalTime, quietHoursEnd, type QuietHours } from './quiet-hours';
import { effectivePreference, quietHoursOf } from './settings.service';

type Db = Knex | Knex.Transaction;

/** Local hour digests go out at; weekly ones on Mondays. */
const DIGEST_HOUR = 9;
const MONDAY = 1;

export interface NewNotification {
  userId: string;
  eventType: string;
  title: string;
  body: string;
  url: string | null;
  /** Its own mail (security alerts, security-alerts.ts); urgent event types only. */
  mail?: OutgoingNotification['mail'];
}

async function deliver(services: Services, db: Db, channels: ChannelName[], n: OutgoingNotification): Promise<void> {
  for (const name of channels) await channelNamed(name)?.deliver(services, db, n);
}

/** When the digest of `frequency` next goes out for a user with `quiet` hours. */
export function nextDigestAt(now: Date, frequency: 'daily' | 'weekly', quiet: QuietHours): Date {
  const at = nextLocalTime(now, quiet.timeZone, DIGEST_HOUR, frequency === 'weekly' ? MONDAY : undefined);
  return quietHoursEnd(at, quiet) ?? at;
}

/**
 * Notifies `note.userId` of `note.eventType` (a catalogue entry, else 400 `unknown_event_type`):
 * delivered now, held, or queued for a digest, as the file comment says.
 */
export async function notify(services: Services, db: Db, note: NewNotification, now = new Date()): Promise<void> {
  const entry = catalogueEntry(services.config, note.eventType);
  if (!entry) throw ApiError.of(NotificationErrors, 'unknown_event_type');
  const { preference, quietHours } = await selectChoicesOf(db, note.userId, note.eventType);
  const choice = effectivePreference(entry, preference);
  const outgoing: OutgoingNotification = { ...note, category: entry.category };
  const enabled: ChannelName[] = [
    ...(choice.email ? (['email'] as const) : []),
    ...(choice.push ? (['push'] as const) : []),
    ...(choice.inApp ? (['in_app'] as const) : []),
  ];
  if (entry.urgent) return deliver(services, db, enabled, outgoing);
  // A mail of its own would be lost in the outbox: only what is never held may carry one.
  if (note.mail) throw new Error(`${note.eventType} is not urgent: it cannot carry its own mail`);

  const quiet = quietHoursOf(quietHours);
  const digest = choice.frequency !== 'instant' && choice.email ? choice.frequency : null;
  const instant = digest ? enabled.filter((c) => c !== 'email') : enabled;
  const heldUntil = quietHoursEnd(now, quiet);
  const outboxRow = {
    user_id: note.userId,
    event_type: note.eventType,
    category: entry.category,
    title: note.title,
    body: note.body,
    url: note.url,
  };
  if (instant.length && heldUntil) {
    await insertOutbox(db, { ...outboxRow, channels: instant, digest: null, deliver_after: heldUntil });
    await releaseAt(services, db, heldUntil);
  } else await deliver(services, db, instant, outgoing);
  if (digest) {
    const at = nextDigestAt(now, digest, quiet);
    await insertOutbox(db, { ...outboxRow, channels: ['email'], digest, deliver_after: at });
    await releaseAt(services, db, at);
  }
}

/**
 * Queues a release for `at`, so that held notifications and digests go out on time rather than at
 * the next minute's scheduled run (which stays as the safety net). Users due at the same instant
 * share one job.
 */
async function releaseAt(services: Services, db: Db, at: Date): Promise<void> {
  await services.jobs.send(releaseNotificationsJob, {}, { db, startAfter: at });
}

/**
 * `POST /api/server/notifications`: the site's backend notifies a user of one of the site's own
 * event types (ACCT_NOTIFICATION_TYPES). acct's built-in types are refused like unknown ones, so
 * that a site cannot raise what would read as acct's own security alert.
 */
export async function notifyFromSite(services: Services, note: NewNotification): Promise<void> {
  if (!services.config.notificationTypes.some((t) => t.eventType === note.eventType))
    throw ApiError.of(NotificationErrors, 'unknown_event_type');
  await services.db.knex.transaction(async (trx) => {
    if (!(await findUserById(trx, note.userId))) throw ApiError.of(NotificationErrors, 'not_found');
    await notify(services, trx, note);
  });
}

const outgoingOf = (row: OutboxRow): OutgoingNotification => ({
  userId: row.user_id,
  eventType: row.event_type,
  category: row.category,
  title: row.title,
  body: row.body,
  url: row.url,
});

/** One digest mail listing `rows` (one user's, one frequency), oldest first. */
async function sendDigest(services: Services, db: Db, rows: OutboxRow[]): Promise<void> {
  const first = rows[0]!;
  const recipient = await selectRecipient(db, first.user_id);
  if (!recipient) return;
  await services.mail.enqueue(db, {
    to: recipient.email,
    template: 'notificationDigest',
    content: mailTemplates.notificationDigest(
      mailOptions(services.config, recipient.locale),
      first.digest!,
      rows.map((r) => ({ title: r.title, body: r.body, url: r.url })),
    ),
  });
}

/**
 * Delivers what is due at `now` in one transaction: held notifications on their channels, and
 * digests as one mail per user and frequency. Safe to run twice or at once on two servers: due
 * rows are taken out of the outbox (locked, skipped by the other) in the transaction that delivers them.
 */
export async function releaseDueNotifications(
  services: Services,
  _data: object = {},
  now = new Date(),
): Promise<number> {
  return services.db.knex.transaction(async (trx) => {
    const rows = await takeDueOutbox(trx, now);
    const digests = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      if (!row.digest) {
        await deliver(services, trx, row.channels, outgoingOf(row));
        continue;
      }
      const key = `${row.user_id}:${row.digest}`;
      digests.set(key, [...(digests.get(key) ?? []), row]);
    }
    for (const group of digests.values()) await sendDigest(services, trx, group);
    return rows.length;
  });
}

/** Every minute: held notifications whose quiet hours ended, and digests whose time came. */
export const releaseNotificationsJob = defineJob<object>({
  name: 'notifications.release',
  cron: '* * * * *',
  expireInSeconds: 120,
  handler: async (services, data) => {
    await releaseDueNotifications(services, data);
  },
});
