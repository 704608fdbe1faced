/**
 * Data export through the real HTTP API on each database: the archive (JSON, and CSV in a zip)
 * holds a row of every section for the user and nothing of another user who has data everywhere
 * too, and no secret; the download needs the link's token and the same user's session, and fails
 * for another user, once expired and when tampered with; one export in the making at a time; the
 * site's hook is signed, retried, and left out after repeated failure; the expiry job deletes
 * archives. The build runs through the job runner (`services.jobs.drain()`), except where a test
 * runs it itself at another time or with the site's hook.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import type { DataExport } from '../../../contract/data-export';
import type { Services } from '../../services';
import type { RunningServer } from '../../start';
import { latestMail, linkIn } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { signedInUser, type TestUser } from '../../testing/organizations';
import { startTestServer } from '../../testing/test-server';
import { CHUNK_BYTES } from './data-export.queries';
import { buildExport, expireDataExports, SITE_HOOK_ATTEMPTS, STALE_AFTER_SECONDS } from './data-export.jobs';
import { fillEverything, unzip } from './data-export.fixtures';
import { EXPORT_SECTIONS } from './export-sections';
import { signHookBody } from './site-hook';

const SITE_SECRET = 'site-secret-for-the-export-hook-tests-0123456789';

describeOnEachDatabase('data export', (getDb) => {
  let server: RunningServer;
  const knex = () => server.db.knex;

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'data-export:account=100/60' } });
  });
  after(() => server.close());

  /** A signed-in user with data in every table, marked with `marker`. */
  async function userWithData(marker: string): Promise<TestUser> {
    const user = await signedInUser(server, marker.toLowerCase());
    await fillEverything(knex(), server.services, user, marker);
    return user;
  }

  /**
   * An export request written straight to the table, with no job queued: for tests that run the
   * build themselves (at another time, with the site's hook), which the runner must not race.
   */
  async function pendingExport(user: TestUser, format: 'json' | 'csv'): Promise<string> {
    const [row] = await knex()('data_export_requests').insert({ user_id: user.userId, format }).returning('id');
    return row!.id;
  }

  async function requestExport(user: TestUser, format: 'json' | 'csv'): Promise<DataExport> {
    const res = await user.client.call('POST /api/me/data-exports', { body: { format } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.export;
  }

  async function readyExport(user: TestUser, format: 'json' | 'csv'): Promise<DataExport> {
    const requested = await requestExport(user, format);
    // The server's own worker may have taken the job already (then drain may count 0); on
    // PostgreSQL it may still be committing when drain returns, so look again for a little while.
    let listed: DataExport | undefined;
    for (let look = 0; look < 50 && listed?.status !== 'ready'; look++) {
      if (look) await new Promise((resolve) => setTimeout(resolve, 100));
      await server.services.jobs.drain();
      listed = (await user.client.call('GET /api/me/data-exports')).body.exports.find((e) => e.id === requested.id);
    }
    assert.equal(listed?.status, 'ready');
    return listed!;
  }

  /** GETs a download URL as `user` (their session), the body as bytes. */
  async function download(user: TestUser, url: string) {
    const res = await fetch(url, {
      headers: {
        Origin: 'http://localhost:5173',
        ...(user.client.sessionCookie ? { Cookie: `__Host-acct_session=${user.client.sessionCookie}` } : {}),
        ...(user.client.bearer ? { Authorization: `Bearer ${user.client.bearer}` } : {}),
      },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const code =
      res.status >= 400 ? (JSON.parse(bytes.toString('utf8')) as { error: { code: string } }).error.code : null;
    return { status: res.status, headers: res.headers, bytes, code };
  }

  /** The archive must not hold another user's data, nor any secret. */
  function assertOnlyOwnData(text: string, other: TestUser, otherMarker: string) {
    for (const foreign of [other.userId, other.email, otherMarker]) {
      assert.ok(!text.toLowerCase().includes(foreign.toLowerCase()), `another user's ${foreign} is in the archive`);
    }
    assert.ok(!text.includes('SECRET-'), 'a secret is in the archive');
    assert.ok(
      !text.includes(Buffer.from('SECRET-').toString('base64').slice(0, 8)),
      'a secret (bytes) is in the archive',
    );
  }

  it('exports every section of the user’s data as JSON, and nothing of another user, then mails the link', async () => {
    const alice = await userWithData('AliceMarker');
    const bob = await userWithData('BobMarker');
    await readyExport(bob, 'json');
    const ready = await readyExport(alice, 'json');
    assert.ok(ready.downloadUrl && ready.expiresAt && ready.completedAt);

    const mail = await latestMail(server.services, alice.email, 'dataExportReady');
    assert.equal(linkIn(mail).href, ready.downloadUrl);

    const res = await download(alice, ready.downloadUrl);
    assert.equal(res.status, 200);
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /^attachment; filename="account-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    assert.equal(res.bytes.length, ready.fileSizeBytes);
    const text = res.bytes.toString('utf8');
    const archive = JSON.parse(text) as Record<string, Record<string, unknown>[]>;
    for (const section of EXPORT_SECTIONS) {
      assert.ok(archive[section.name]?.length, `section ${section.name} is empty`);
    }
    assert.equal(archive.user?.[0]?.id, alice.userId);
    assert.ok(text.includes('AliceMarker'));
    assertOnlyOwnData(text, bob, 'BobMarker');
  });

  it('exports CSV files in a zip, one per section, with nothing of another user', async () => {
    const carol = await userWithData('CarolMarker');
    const dave = await userWithData('DaveMarker');
    await readyExport(dave, 'csv');
    const ready = await readyExport(carol, 'csv');
    const res = await download(carol, ready.downloadUrl!);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/zip');
    const files = await unzip(res.bytes);
    assert.ok(files.has('export.json'));
    for (const section of EXPORT_SECTIONS) {
      const lines = (files.get(`${section.name}.csv`) ?? '').split('\r\n').filter(Boolean);
      assert.ok(lines.length >= 2, `${section.name}.csv has no row`);
    }
    const all = [...files.values()].join('\n');
    assert.ok(all.includes('CarolMarker'));
    assertOnlyOwnData(all, dave, 'DaveMarker');
  });

  it('stores a large archive in 256 KiB chunks and sends it back whole', async () => {
    const erin = await signedInUser(server, 'erin');
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      user_id: erin.userId,
      event_type: 'login_failed',
      success: false,
      failure_reason: `wrong password ${i} ${'x'.repeat(100)}`,
    }));
    await knex().batchInsert('login_history', rows, 500);
    const ready = await readyExport(erin, 'json');
    const chunks = await knex()('data_export_files').where({ export_id: ready.id }).orderBy('seq');
    assert.ok(chunks.length >= 2);
    assert.ok(chunks.slice(0, -1).every((c) => c.data.length === CHUNK_BYTES));
    const res = await download(erin, ready.downloadUrl!);
    const archive = JSON.parse(res.bytes.toString('utf8')) as { login_history: { event_type: string }[] };
    assert.equal(archive.login_history.filter((e) => e.event_type === 'login_failed').length, 3000);
  });

  it('refuses the download to another user, with a tampered token, without a session and once expired', async () => {
    const frank = await signedInUser(server, 'frank');
    const grace = await signedInUser(server, 'grace');
    const ready = await readyExport(frank, 'json');
    const url = new URL(ready.downloadUrl!);

    assert.equal((await download(grace, url.href)).code, 'not_found');
    const token = url.searchParams.get('token')!;
    const tampered = new URL(url);
    tampered.searchParams.set('token', `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`);
    assert.equal((await download(frank, tampered.href)).code, 'export_link_invalid');
    // Another export's token does not open this one.
    const other = await readyExport(grace, 'json');
    const moved = new URL(url);
    moved.searchParams.set('token', new URL(other.downloadUrl!).searchParams.get('token')!);
    assert.equal((await download(frank, moved.href)).code, 'export_link_invalid');
    const anonymous = await fetch(url, { headers: { Origin: 'http://localhost:5173' } });
    assert.equal(anonymous.status, 401);
    await anonymous.body?.cancel();

    await knex()('data_export_requests')
      .where({ id: ready.id })
      .update({ expires_at: new Date(Date.now() - 1000) });
    const expired = await download(frank, url.href);
    assert.equal(expired.status, 410);
    assert.equal(expired.code, 'export_expired');
  });

  it('refuses a link whose own end has passed, even before the expiry job ran', async () => {
    const heidi = await signedInUser(server, 'heidi');
    const exportId = await pendingExport(heidi, 'json');
    const ttl = server.services.config.dataExport.ttlSeconds * 1000;
    await buildExport(server.services, { exportId }, new Date(Date.now() - ttl - 60_000));
    await knex()('data_export_requests')
      .where({ id: exportId })
      .update({ expires_at: new Date(Date.now() + 60_000) });
    const [row] = (await heidi.client.call('GET /api/me/data-exports')).body.exports;
    assert.equal((await download(heidi, row!.downloadUrl!)).code, 'export_expired');
  });

  it('allows one export in the making at a time (409), and a new one once it is ready', async () => {
    const ivan = await signedInUser(server, 'ivan');
    // In the making, with no job that could finish it while the requests below run.
    const first = await pendingExport(ivan, 'json');
    const again = await ivan.client.call('POST /api/me/data-exports', { body: { format: 'csv' } });
    assert.equal(again.status, 409);
    assert.equal(again.error?.code, 'export_in_progress');
    const parallel = await Promise.all(
      [1, 2, 3].map(() => ivan.client.call('POST /api/me/data-exports', { body: { format: 'json' } })),
    );
    assert.deepEqual(
      parallel.map((r) => r.status),
      [409, 409, 409],
    );
    await buildExport(server.services, { exportId: first });
    await readyExport(ivan, 'csv');
    const list = (await ivan.client.call('GET /api/me/data-exports')).body.exports;
    assert.deepEqual(
      list.map((e) => [e.format, e.status]),
      [
        ['csv', 'ready'],
        ['json', 'ready'],
      ],
    );
  });

  it('answers bad input with 400 and an unknown or foreign export with 404', async () => {
    const judy = await signedInUser(server, 'judy');
    const bad = await judy.client.call('POST /api/me/data-exports', { body: { format: 'xml' as 'json' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.error?.code, 'invalid_request');
    const unknown = await judy.client.get('/api/me/data-exports/not-a-uuid/download?token=x');
    assert.equal(unknown.status, 404);
    const noToken = await judy.client.get('/api/me/data-exports/00000000-0000-4000-8000-000000000000/download');
    assert.equal(noToken.body.error.code, 'export_link_invalid');
  });

  it('rate-limits export requests per account', async () => {
    const policies = server.services.config.rateLimits;
    const saved = policies['data-export:account'];
    policies['data-export:account'] = { capacity: 1, refillSeconds: 3600 };
    try {
      const kim = await signedInUser(server, 'kim');
      assert.equal((await kim.client.call('POST /api/me/data-exports', { body: { format: 'json' } })).status, 201);
      await server.services.jobs.drain();
      const second = await kim.client.call('POST /api/me/data-exports', { body: { format: 'json' } });
      assert.equal(second.status, 429);
      assert.equal(second.error?.code, 'too_many_requests');
    } finally {
      policies['data-export:account'] = saved;
    }
  });

  describe_siteHook();

  it('expires archives past their end: status expired, files deleted, download refused', async () => {
    const mallory = await signedInUser(server, 'mallory');
    const ready = await readyExport(mallory, 'csv');
    await expireDataExports(server.services, {}, new Date(Date.now() + 1000));
    assert.equal((await knex()('data_export_requests').where({ id: ready.id }).first())?.status, 'ready');
    await expireDataExports(server.services, {}, new Date(Date.parse(ready.expiresAt!) + 1000));
    const row = await knex()('data_export_requests').where({ id: ready.id }).first();
    assert.equal(row?.status, 'expired');
    assert.equal(row?.download_url, null);
    assert.equal((await knex()('data_export_files').where({ export_id: ready.id })).length, 0);
    assert.equal((await download(mallory, ready.downloadUrl!)).code, 'export_expired');
    const [listed] = (await mallory.client.call('GET /api/me/data-exports')).body.exports;
    assert.equal(listed?.downloadUrl, null);
  });

  it('closes an export stuck in the making for a day, so that the user can ask again', async () => {
    const peggy = await signedInUser(server, 'peggy');
    const stuck = { id: await pendingExport(peggy, 'json') };
    await expireDataExports(server.services, {}, new Date(Date.now() + (STALE_AFTER_SECONDS - 60) * 1000));
    assert.equal((await knex()('data_export_requests').where({ id: stuck.id }).first())?.status, 'pending');
    await expireDataExports(server.services, {}, new Date(Date.now() + (STALE_AFTER_SECONDS + 60) * 1000));
    assert.equal((await knex()('data_export_requests').where({ id: stuck.id }).first())?.status, 'expired');
    await requestExport(peggy, 'csv');
    await server.services.jobs.drain();
  });

  /** The site's hook: a local server that fails `failures` times, then answers. */
  function describe_siteHook() {
    let hook: Server;
    let failuresLeft = 0;
    const calls: { body: string; signature: string | undefined; timestamp: string | undefined }[] = [];
    before(async () => {
      hook = createServer((req, res) => {
        let body = '';
        req.on('data', (part: Buffer) => (body += part.toString('utf8')));
        req.on('end', () => {
          calls.push({
            body,
            signature: req.headers['x-acct-signature'] as string | undefined,
            timestamp: req.headers['x-acct-timestamp'] as string | undefined,
          });
          if (failuresLeft-- > 0) {
            res.writeHead(503).end();
            return;
          }
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ orders: ['site-order-1'] }));
        });
      });
      await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    });
    after(() => new Promise<void>((resolve) => hook.close(() => resolve())));

    const withHook = (): Services => ({
      ...server.services,
      config: {
        ...server.services.config,
        siteSecret: SITE_SECRET,
        dataExport: {
          ...server.services.config.dataExport,
          hookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/acct-export`,
        },
      },
    });

    it('adds the site’s signed answer as `site`, retrying the job while the hook fails', async () => {
      const niaj = await signedInUser(server, 'niaj');
      const requested = { id: await pendingExport(niaj, 'csv') };
      failuresLeft = 2;
      calls.length = 0;
      for (let attempt = 1; attempt <= 2; attempt++) {
        await assert.rejects(buildExport(withHook(), { exportId: requested.id }), { name: 'SiteHookError' });
      }
      await buildExport(withHook(), { exportId: requested.id });
      assert.equal(calls.length, 3);
      const call = calls[2]!;
      assert.deepEqual(JSON.parse(call.body), { userId: niaj.userId, email: niaj.email });
      assert.equal(call.signature, signHookBody(SITE_SECRET, call.timestamp!, call.body));
      const [ready] = (await niaj.client.call('GET /api/me/data-exports')).body.exports;
      const files = await unzip((await download(niaj, ready!.downloadUrl!)).bytes);
      assert.deepEqual(JSON.parse(files.get('site.json')!), { orders: ['site-order-1'] });
      assert.deepEqual(JSON.parse(files.get('export.json')!).site, { included: true });
    });

    it('exports without the site’s part after repeated hook failures, saying so in the archive', async () => {
      const olivia = await signedInUser(server, 'olivia');
      const requested = { id: await pendingExport(olivia, 'json') };
      failuresLeft = 100;
      for (let attempt = 1; attempt < SITE_HOOK_ATTEMPTS; attempt++) {
        await assert.rejects(buildExport(withHook(), { exportId: requested.id }), { name: 'SiteHookError' });
      }
      await buildExport(withHook(), { exportId: requested.id });
      failuresLeft = 0;
      const [ready] = (await olivia.client.call('GET /api/me/data-exports')).body.exports;
      assert.equal(ready?.status, 'ready');
      const archive = JSON.parse((await download(olivia, ready!.downloadUrl!)).bytes.toString('utf8')) as {
        export: { site: { included: boolean; note: string } };
        site?: unknown;
      };
      assert.equal(archive.export.site.included, false);
      assert.match(archive.export.site.note, /could not be fetched/);
      assert.equal(archive.site, undefined);
    });
  }
});
