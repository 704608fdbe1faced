/**
 * A way a notification reaches a user (email, in-app, push). The dispatcher (notifications.service.ts) hands
 * each notification to every channel the user's preferences enable.
 */
import type { Knex } from 'knex';
import type { Services } from '../../services';
import type { QueuedMail } from '../mail/mail-queue';

export type ChannelName = 'email' | 'in_app' | 'push';

export interface OutgoingNotification {
  userId: string;
  eventType: string;
  category: string;
  title: string;
  body: string;
  /** Where acting on it leads; absolute https URL or null. */
  url: string | null;
  /**
   * The mail it goes out as, when it has a template of its own (a security alert: the module's
   * notice, with its wording and links; `to` defaults to the account's address). Only urgent
   * notifications carry one: they are never held, so it is never stored in the outbox.
   */
  mail?: Pick<QueuedMail, 'template' | 'content'> & { to?: string };
}

export interface NotificationChannel {
  name: ChannelName;
  deliver(services: Services, db: Knex | Knex.Transaction, notification: OutgoingNotification): Promise<void>;
}
