/**
 * The hot operations `npm run bench:scale` times and server/db/hot-queries-explain.test.ts
 * EXPLAINs, each the server's own code on the probe user (probe.ts): the session check of every
 * signed-in request (the prepared statement), the sessions list, a login-history page deep in the
 * list (by the API's cursor), the setup checklist, the onboarding state, the user's
 * organizations, the admin's onboarding funnel, and a run of the cleanup job. Each takes the
 * database to run on, so that the EXPLAIN test can hand it one that records the statements.
 */
import type { Database } from '../../server/db/database';
import { runCleanup } from '../../server/jobs/cleanup';
import { onboardingFunnel } from '../../server/modules/admin/funnel';
import { getChecklist } from '../../server/modules/checklist/checklist.service';
import { selectHistory } from '../../server/modules/login-history/login-history.queries';
import { getOnboarding } from '../../server/modules/onboarding/onboarding.service';
import { organizationsOf } from '../../server/modules/organizations/organizations.queries';
import { authenticate, selectLiveSessions } from '../../server/modules/sessions/sessions.queries';
import type { Services } from '../../server/services';
import { addCleanupBacklog, PROBE_SESSIONS, type Probe } from './probe';

/** The default cookie transport's lifetimes (server/config-fields.ts SESSION_DEFAULTS). */
const LIFETIMES = { idleTimeoutSeconds: 14 * 86_400, absoluteTimeoutSeconds: 30 * 86_400 };
/** The API's default page size (contract/login-history.ts); the service asks one row more. */
const PAGE = 20;

export interface HotOperation {
  name: string;
  /** What it is in the server. */
  what: string;
  /** Timed calls (fewer for the slow ones). */
  iterations: number;
  /** Untimed, before each timed call. */
  prepare?: (db: Database) => Promise<void>;
  run: (db: Database) => Promise<void>;
}

/**
 * The services these read: only the database. The services they come from take the whole
 * `Services` and use `db` alone.
 */
const servicesOf = (db: Database) => ({ db }) as Services;

function expect(condition: boolean, what: string): void {
  // A benchmark timing a check that fails would time the wrong path.
  if (!condition) throw new Error(`bench:scale: ${what}`);
}

export function hotOperations(probe: Probe): HotOperation[] {
  return [
    {
      name: 'session check',
      what: 'GET /api/me: authenticate(), prepared statement',
      iterations: 2_000,
      run: async (db) => expect((await authenticate(db, probe.token, LIFETIMES)) !== undefined, 'session not found'),
    },
    {
      name: 'sessions list',
      what: 'GET /api/sessions: selectLiveSessions(), RLS',
      iterations: 1_000,
      run: async (db) =>
        expect((await selectLiveSessions(db.knex, probe.userId, LIFETIMES)).length === PROBE_SESSIONS, 'sessions list'),
    },
    {
      name: 'history, deep page',
      what: `GET /api/login-history?cursor=…: rows 1,801–1,820 of 2,000`,
      iterations: 1_000,
      run: async (db) =>
        expect(
          (await selectHistory(db.knex, probe.userId, PAGE + 1, probe.deepCursor)).length === PAGE + 1,
          'history page',
        ),
    },
    {
      name: 'checklist',
      what: 'GET /api/checklist: getChecklist()',
      iterations: 1_000,
      run: async (db) => expect((await getChecklist(servicesOf(db), probe.userId)).completedCount === 2, 'checklist'),
    },
    {
      name: 'onboarding state',
      what: 'GET /api/onboarding: getOnboarding()',
      iterations: 1_000,
      run: async (db) =>
        expect((await getOnboarding(servicesOf(db), probe.userId)).status !== 'not_started', 'onboarding'),
    },
    {
      name: 'organizations',
      what: 'GET /api/organizations: organizationsOf()',
      iterations: 1_000,
      run: async (db) => expect((await organizationsOf(db.knex, probe.userId)).length === 1, 'organizations'),
    },
    {
      name: 'admin funnel',
      what: 'GET /api/admin/onboarding/funnel: onboardingFunnel()',
      iterations: 200,
      run: async (db) => expect((await onboardingFunnel(db.knex)).length > 0, 'funnel'),
    },
    {
      name: 'cleanup run',
      what: 'runCleanup(), ten minutes of expired rows',
      iterations: 10,
      prepare: (db) => addCleanupBacklog(db.knex, probe),
      run: (db) => runCleanup(db.knex, { webhookRetentionDays: 30 }),
    },
  ];
}
