/**
 * The development outbox (`GET /api/dev/outbox`): the mail acct would have sent, kept for the
 * demo's outbox page when the server runs with ACCT_DEV_OUTBOX and no SMTP server.
 */
import type { Route, Timestamp } from './wire.js';

/** One message of the outbox. Its links work: this route never exists where real mail is sent. */
export interface OutboxMessage {
  id: string;
  to: string;
  /** The message's kind, e.g. `magicLink`, `verifyEmail`. */
  template: string;
  subject: string;
  text: string;
  html: string;
  createdAt: Timestamp;
}

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface MailRoutes {
  /** Newest first, at most 50. */
  'GET /api/dev/outbox': Route<never, { messages: OutboxMessage[] }>;
}
