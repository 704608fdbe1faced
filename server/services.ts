/**
 * Everything a route needs, built once at start-up (start.ts) and passed to each module's
 * router: settings, the database, the logger, the mail queue, the encryption envelope, the
 * JWT signing keys, the domain events and the work routes leave running after they answer.
 */
import type { Knex } from 'knex';
import type { Config } from './config';
import type { Database } from './db/database';
import type { DomainEvents } from './events/domain-events';
import type { Logger } from './http/logging';
import type { DetachedWork } from './jobs/detached-work';
import type { Jobs } from './jobs/jobs';
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
  /** Work a route starts after answering, so its answer cannot be timed (server/jobs/detached-work.ts). */
  detached: DetachedWork;
  /** The durable job runner: work queued in PostgreSQL, retried, run once (server/jobs/jobs.ts). */
  jobs: Jobs;
  /**
   * Tests only: the fetch through which acct reaches OAuth providers (a hosts file, so that a
   * local server can answer for a provider's real address). Unset: the global fetch.
   */
  oauthFetch?: typeof fetch;
}

/**
 * The same services, with their database work joined to `trx`: a module's own
 * `db.knex.transaction(…)` then runs as a savepoint inside it. For a flow that must call another
 * module atomically (an onboarding step creating an organization); on the embedded database it is
 * also the only way, since its single connection is held by `trx`.
 */
export function joinTransaction(services: Services, trx: Knex.Transaction): Services {
  return { ...services, db: { ...services.db, knex: trx } };
}
