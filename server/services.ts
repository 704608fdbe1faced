/**
 * Everything a route needs, built once at start-up (start.ts) and passed to each module's
 * router: settings, the database, the logger, the mail queue, the encryption envelope and the
 * JWT signing keys.
 */
import type { Config } from './config';
import type { Database } from './db/database';
import type { DomainEvents } from './events/domain-events';
import type { Logger } from './http/logging';
import type { MailQueue } from './modules/mail/mail-queue';
import type { SigningKeys } from './modules/signing-keys/signing-keys';
import type { Envelope } from './security/envelope';

export interface Services {
  config: Config;
  db: Database;
  logger: Logger;
  envelope: Envelope;
  mail: MailQueue;
  signingKeys: SigningKeys;
  /** Where modules announce what happened, and others react (server/events/domain-events.ts). */
  events: DomainEvents;
}
