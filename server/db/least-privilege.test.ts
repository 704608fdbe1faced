/**
 * The server on a least-privileged login (docs/deploying.md "Database roles"), on PostgreSQL: the operator
 * migrates with an admin URL, makes a login role `IN ROLE acct_service`, and starts the server
 * with DATABASE_URL as that role and ACCT_MIGRATION_DATABASE_URL as admin. Start-up migrations go
 * through the admin URL, tables they add are covered by the grants, sign-up, sign-in, sessions
 * and organizations work end to end — and the role can change no table, owns nothing, is neither
 * superuser nor BYPASSRLS, and inside `asUser` still sees only its user's rows. A server on the
 * admin (superuser) URL warns once, naming DATABASE_URL; the least-privileged one does not.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { after, before, it } from 'node:test';
import knexFactory, { type Knex } from 'knex';
import { createLogger } from '../http/logging';
import { runCleanup } from '../jobs/cleanup';
import { startServer, type RunningServer } from '../start';
import { signedUpClient } from '../testing/accounts';
import { describeOnEachDatabase } from '../testing/databases';
import { TestClient, TEST_ORIGIN } from '../testing/http-client';
import { testConfig } from '../testing/test-server';
import { asUser } from './as-user';
import { openDatabase, type Database } from './database';
import { migrateToLatest, migrationConfig } from './migrate';
import { SERVICE_ROLE } from './service-role';

/** Log lines a server wrote, parsed. */
function logCollector(): { stream: Writable; lines: () => Array<{ msg: string; level: number }> } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines: () => lines.map((line) => JSON.parse(line) as { msg: string; level: number }) };
}

const PRIVILEGE_WARNING = /^DATABASE_URL connects as a role that row-level security does not bind/;

/** The code of the error `work` fails with. */
async function failureCode(work: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await work();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
}

describeOnEachDatabase(
  'a least-privileged database login',
  (getDb, kind) => {
    const skip =
      kind !== 'postgres' && 'roles and logins need a PostgreSQL server; the embedded database has a single user';
    const login = `acct_test_login_${process.pid}_${randomBytes(4).toString('hex')}`;
    let adminUrl: string;
    let loginUrl: string;
    let admin: Knex;
    let server: RunningServer;
    let loginDb: Database;
    const logs = logCollector();

    before(async () => {
      if (skip) return;
      adminUrl = getDb().url!;
      const url = new URL(adminUrl);
      url.username = login;
      url.password = '';
      loginUrl = url.toString();
      admin = getDb().knex;
      // The operator's first steps: migrate with the admin URL (it creates acct_service), then make
      // the login role. Then one migration is undone, so that start-up has one to run.
      await migrateToLatest(admin);
      await admin.raw(`create role ?? login in role ${SERVICE_ROLE}`, [login]);
      await admin.migrate.down(migrationConfig);

      loginDb = await openDatabase({ url: loginUrl, poolMax: 10 });
      const config = testConfig({
        DATABASE_URL: loginUrl,
        ACCT_MIGRATION_DATABASE_URL: adminUrl,
        ACCT_LOG_LEVEL: 'info',
      });
      server = await startServer({
        config,
        logger: createLogger('info', logs.stream),
        db: loginDb,
        publicUrlFromPort: true,
      });
    });

    after(async () => {
      if (skip) return;
      await server?.close();
      await loginDb?.close();
      // Roles belong to the cluster: this one goes now; its database goes after the suite.
      const cluster = knexFactory({
        client: 'pg',
        connection: process.env.TEST_DATABASE_URL,
        pool: { min: 0, max: 1 },
      });
      try {
        await cluster.raw('drop role if exists ??', [login]);
      } finally {
        await cluster.destroy();
      }
    });

    it('starts, migrating through the admin URL, and warns about nothing', { skip }, async () => {
      const migrated = logs.lines().find((line) => line.msg === 'database migrated') as
        { migrations?: string[] } | undefined;
      assert.equal(migrated?.migrations?.length, 1, 'start-up ran the undone migration, as admin');
      const { rows } = (await loginDb.knex.raw('select current_user as role')) as { rows: Array<{ role: string }> };
      assert.equal(rows[0]!.role, login);
      assert.deepEqual(
        logs.lines().filter((line) => PRIVILEGE_WARNING.test(line.msg)),
        [],
      );
    });

    it('signs up, signs in, lists sessions, makes an organization and signs out', { skip }, async () => {
      const { client, email, password } = await signedUpClient(server.services, server.url);
      const again = new TestClient(server.url, { origin: TEST_ORIGIN });
      assert.equal((await again.post('/api/auth/sign-in', { email, password })).status, 200);
      const me = await again.get('/api/me');
      assert.deepEqual([me.status, me.body.user.email], [200, email]);
      assert.equal((await again.get('/api/sessions')).body.sessions.length, 2);
      const org = await again.post('/api/organizations', { name: 'Least Privilege Ltd' });
      assert.equal(org.status, 201, JSON.stringify(org.body));
      assert.deepEqual(
        (await client.get('/api/organizations')).body.organizations.map((o: { name: string }) => o.name),
        ['Least Privilege Ltd'],
      );
      assert.equal((await again.get('/api/session/token')).status, 200);
      assert.equal((await again.get('/api/login-history')).status, 200);
      assert.equal((await again.post('/api/auth/sign-out')).status, 200);
      assert.equal((await again.get('/api/me')).status, 401);
      assert.equal((await client.get('/api/me')).status, 200);
    });

    it('reaches every table the migrations made, including the one start-up added', { skip }, async () => {
      const { rows } = (await admin.raw(
        `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname in ('public', 'auth') and c.relkind = 'r' and c.relname not like 'knex\\_migrations%'`,
      )) as { rows: Array<{ name: string }> };
      assert.ok(rows.length > 20);
      for (const { name } of rows) await loginDb.knex.raw('select * from ?? limit 1', [name]);
      assert.equal(
        await failureCode(() => loginDb.knex.raw('select * from knex_migrations')),
        '42501',
        'not the migrator’s bookkeeping',
      );
    });

    it('runs the housekeeping job (the seed’s cleanup function and its deletes)', { skip }, async () => {
      await runCleanup(loginDb.knex, { webhookRetentionDays: 30 });
    });

    it('can change no table and own nothing; it is neither superuser nor BYPASSRLS', { skip }, async () => {
      const { rows } = (await loginDb.knex.raw(
        `select r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                (select count(*) from pg_class c where c.relowner = r.oid)::int as owned_relations,
                (select count(*) from pg_namespace n where n.nspowner = r.oid)::int as owned_schemas,
                (select count(*) from pg_proc p where p.proowner = r.oid)::int as owned_functions
         from pg_roles r where r.rolname = current_user`,
      )) as { rows: Array<Record<string, unknown>> };
      assert.deepEqual(rows[0], {
        rolsuper: false,
        rolbypassrls: false,
        rolcreaterole: false,
        rolcreatedb: false,
        owned_relations: 0,
        owned_schemas: 0,
        owned_functions: 0,
      });
      for (const ddl of [
        'drop table auth.users',
        'alter table user_sessions add column stolen text',
        'alter table auth.users disable row level security',
        'drop policy user_sessions_policy on user_sessions',
        'create table public.stray (id int)',
        'create table auth.stray (id int)',
        'create schema stray',
        'create or replace function auth.uid() returns uuid language sql as $$ select null::uuid $$',
        'truncate login_history',
      ]) {
        assert.equal(await failureCode(() => loginDb.knex.raw(ddl)), '42501', ddl);
      }
    });

    it('inside asUser, sees only its user’s rows and never a password hash', { skip }, async () => {
      const alice = await signedUpClient(server.services, server.url);
      const bob = await signedUpClient(server.services, server.url);
      const [aliceId, bobId] = await Promise.all(
        [alice.email, bob.email].map(
          async (email) => (await loginDb.knex('auth.users').where({ email }).first('id'))!.id,
        ),
      );
      // Outside asUser the service connection reads any account: sign-in needs the hash.
      assert.ok((await loginDb.knex('auth.users').where({ id: bobId }).first('password_hash'))!.password_hash);
      await asUser(loginDb.knex, aliceId!, async (trx) => {
        assert.deepEqual(
          (await trx('auth.users').select('id')).map((u) => u.id),
          [aliceId],
        );
        assert.equal((await trx('user_sessions').where({ user_id: bobId })).length, 0);
        assert.ok((await trx('user_sessions')).length > 0);
      });
      const hash = await failureCode(() =>
        asUser(loginDb.knex, aliceId!, (trx) => trx('auth.users').where({ id: aliceId }).first('password_hash')),
      );
      assert.equal(hash, '42501');
    });

    it('warns once, naming DATABASE_URL, when the server runs as a superuser', { skip }, async () => {
      const superLogs = logCollector();
      const config = testConfig({ DATABASE_URL: adminUrl, ACCT_LOG_LEVEL: 'info' });
      const superServer = await startServer({
        config,
        logger: createLogger('info', superLogs.stream),
        db: getDb(),
        publicUrlFromPort: true,
      });
      try {
        const warnings = superLogs.lines().filter((line) => PRIVILEGE_WARNING.test(line.msg));
        assert.equal(warnings.length, 1);
        assert.deepEqual([warnings[0]!.level, (warnings[0] as { superuser?: boolean }).superuser], [40, true]);
      } finally {
        await superServer.close();
      }
    });
  },
  { migrate: false },
);
