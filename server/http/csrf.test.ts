/**
 * Cross-site request forgery and CORS on every state-changing route, on each database
 * (docs/security.md E1, E2). The routes come from the app's own router, so a route added later is
 * attacked too. Each attack carries the victim's session cookie (the ambient credential a forged
 * request would ride on) and, where the route takes one, a body that WOULD succeed from the
 * allowed origin — the control tests at the end prove that — so a 403 is the guard's doing:
 * - cross-site form posts (`text/plain`, urlencoded, multipart) from evil.test → 403 forbidden_origin;
 * - the same form encodings from the allowed origin (or a non-browser client) → 403 json_required;
 * - JSON from evil.test, from `Origin: null`, and with only `Sec-Fetch-Site: cross-site|same-site` → 403;
 * - the hosted pages' form posts from any origin but the server's own → 403, their token still usable;
 * - and after every attack nothing changed: every table of acct's schemas (users, sessions,
 *   one-time tokens, magic links, the mail queue, login history, rate-limit buckets…) is
 *   fingerprinted row by row before and after — including for the endpoints that send mail
 *   without a session (sign-up, forgotten password, verification resend, magic link).
 * CORS: a preflight or request from a refused origin gets no `Access-Control-Allow-Origin` on any
 * API route; the allowed origin gets its own back.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Knex } from 'knex';
import type { RunningServer } from '../start';
import { issueToken } from '../modules/one-time-tokens/one-time-tokens.queries';
import { followLink, latestMail, linkIn, signedUpClient, uniqueEmail } from '../testing/accounts';
import { describeOnEachDatabase } from '../testing/databases';
import { drainMailQueue } from '../testing/mail';
import { TestClient, TEST_ORIGIN } from '../testing/http-client';
import {
  fillPath,
  listApiRoutes,
  listHostedFormRoutes,
  routeKey,
  STATE_CHANGING_METHODS,
  type RouteInfo,
} from '../testing/routes';
import { startTestServer } from '../testing/test-server';
import { PUBLIC_API_PATHS } from './cors';

const EVIL = 'https://evil.test';
const PASSWORD = 'correct horse battery staple';
const FORM_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'] as const;
type BodyType = (typeof FORM_TYPES)[number] | 'application/json';

/**
 * Every row of every table in acct's schemas (users, sessions, one-time tokens, magic links,
 * challenges, the mail queue, login history, rate-limit buckets… and whatever is added later), as
 * one digest per table: any insert, update or delete shows.
 */
async function fingerprint(knex: Knex): Promise<Record<string, { rows: number; digest: string }>> {
  const { rows: tables } = await knex.raw(
    `select quote_ident(table_schema) || '.' || quote_ident(table_name) as name from information_schema.tables
     where table_schema in ('public', 'auth') and table_type = 'BASE TABLE' order by 1`,
  );
  assert.ok(tables.length >= 10, 'the fingerprint sees the tables');
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const { name } of tables as { name: string }[]) {
    const { rows } = await knex.raw(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${name} t`,
    );
    out[name] = rows[0];
  }
  return out;
}

/** A body as a browser form (or fetch) would send it. `text/plain` is the classic trick: a JSON-looking body without a preflight. */
function encode(
  fields: Record<string, unknown>,
  type: BodyType,
): { body: string | FormData | URLSearchParams; headers: Record<string, string> } {
  const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  switch (type) {
    case 'text/plain':
      return { body: JSON.stringify(fields), headers: { 'Content-Type': 'text/plain' } };
    case 'application/x-www-form-urlencoded':
      return {
        body: new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, asText(v)])),
        headers: {},
      };
    case 'multipart/form-data': {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, asText(value));
      return { body: form, headers: {} }; // fetch sets the multipart boundary itself
    }
    case 'application/json':
      return { body: JSON.stringify(fields), headers: { 'Content-Type': 'application/json' } };
  }
}

/** The endpoints that send mail without a session, and the template each sends to the fixture's address. */
const MAILERS = new Map([
  ['POST /api/auth/sign-up', 'verifyEmail'],
  ['POST /api/auth/password/forgot', 'resetPassword'],
  ['POST /api/auth/verification/resend', 'verifyEmail'],
  ['POST /api/auth/magic-link', 'magicLink'],
]);

interface Answer {
  status: number;
  code: string | undefined;
}

describeOnEachDatabase('CSRF and CORS on every state-changing route', (getDb) => {
  let server: RunningServer;
  let apiRoutes: RouteInfo[];
  let victim: { client: TestClient; email: string };
  let otherSessionId: string;
  /** A valid, unused session exchange code for the victim. */
  let exchangeCode: string;
  const unregistered = uniqueEmail('never-signed-up');
  const unverified = uniqueEmail('unverified');

  /** Bodies that succeed from the allowed origin (passkey ceremonies aside); a route not listed gets `{}`. */
  const bodies = (): Record<string, Record<string, unknown>> => ({
    'POST /api/auth/sign-up': { email: unregistered, password: PASSWORD, redirectUrl: `${TEST_ORIGIN}/welcome` },
    'POST /api/auth/sign-in': { email: victim.email, password: PASSWORD },
    'POST /api/auth/password/forgot': { email: victim.email, redirectUrl: `${TEST_ORIGIN}/account` },
    'POST /api/auth/password/change': { currentPassword: PASSWORD, newPassword: 'an entirely new passphrase' },
    'POST /api/auth/verification/resend': { email: unverified },
    'POST /api/session/exchange': { code: exchangeCode },
    'POST /api/auth/magic-link': { email: victim.email, redirectUrl: `${TEST_ORIGIN}/welcome` },
    'PATCH /api/passkeys/:id': { name: 'renamed by an attacker' },
  });
  /** Path parameters: the victim's other session is what a forged DELETE would end; elsewhere a random id. */
  const pathOf = (route: RouteInfo) =>
    fillPath(route.path, routeKey(route) === 'DELETE /api/sessions/:id' ? { id: otherSessionId } : {}, () =>
      randomUUID(),
    );

  /** Sends one request to a route with the victim's cookie, the given headers and body encoding. */
  async function send(route: RouteInfo, type: BodyType, headers: Record<string, string>): Promise<Answer> {
    const encoded = encode(bodies()[routeKey(route)] ?? {}, type);
    const res = await fetch(server.url + pathOf(route), {
      method: route.method,
      redirect: 'manual',
      headers: { Cookie: `__Host-acct_session=${victim.client.sessionCookie}`, ...encoded.headers, ...headers },
      body: encoded.body,
    });
    const text = await res.text();
    let code: string | undefined;
    try {
      code = JSON.parse(text).error?.code;
    } catch {
      // not JSON: the assertion on the code reports it
    }
    return { status: res.status, code };
  }

  async function userByEmail(email: string) {
    const user = await server.db.knex('auth.users').where({ email }).first();
    assert.ok(user, `no user ${email}`);
    return user;
  }

  /** Runs `attack` and asserts that no row of any table changed meanwhile. */
  async function assertNothingChanged(attack: () => Promise<void>): Promise<void> {
    await drainMailQueue(server.services); // the server's worker only touches due rows: leave none
    const before = await fingerprint(server.db.knex);
    await attack();
    await drainMailQueue(server.services);
    assert.deepEqual(await fingerprint(server.db.knex), before, 'a refused request changed stored state');
  }

  before(async () => {
    server = await startTestServer(getDb(), {
      env: {
        ACCT_RATE_LIMITS:
          'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60 mail:address=1000/60 sign-in:account=1000/60',
      },
    });
    apiRoutes = listApiRoutes(server.services);
    victim = await signedUpClient(server.services, server.url);
    const second = new TestClient(server.url, { origin: TEST_ORIGIN });
    otherSessionId = (await second.post('/api/auth/sign-in', { email: victim.email, password: PASSWORD })).body.session
      .id;
    assert.equal(
      (
        await new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-up', {
          email: unverified,
          password: PASSWORD,
        })
      ).status,
      202,
    );
    const { id: userId } = await userByEmail(victim.email);
    exchangeCode = await issueToken(server.db.knex, {
      userId,
      purpose: 'session_exchange',
      data: { method: 'password' },
    });
  });
  after(() => server.close());

  it('finds the state-changing API routes in the router, and every fixture names a real route', () => {
    const keys = apiRoutes.map(routeKey);
    for (const known of [
      'POST /api/auth/sign-up',
      'POST /api/auth/password/forgot',
      'POST /api/auth/verification/resend',
      'DELETE /api/sessions/:id',
    ]) {
      assert.ok(keys.includes(known), `${known} not found in ${keys.join(', ')}`);
    }
    for (const fixture of Object.keys(bodies())) assert.ok(keys.includes(fixture), `stale fixture: ${fixture}`);
  });

  describe('state-changing API routes', () => {
    // The routes are only known once the server runs, so each test walks them all and names the
    // failing one; `it` per route would need the router before `before` has run.
    const stateChanging = () => apiRoutes.filter((r) => STATE_CHANGING_METHODS.has(r.method));

    it('refuse cross-site form posts (text/plain, urlencoded, multipart) from evil.test with 403 forbidden_origin', async () => {
      for (const route of stateChanging()) {
        await assertNothingChanged(async () => {
          for (const type of FORM_TYPES) {
            const res = await send(route, type, { Origin: EVIL });
            assert.deepEqual(res, { status: 403, code: 'forbidden_origin' }, `${routeKey(route)} as ${type}`);
          }
        });
      }
    });

    it('refuse form encodings from the allowed origin and from non-browser clients with 403 json_required (POST)', async () => {
      for (const route of stateChanging().filter((r) => r.method === 'POST')) {
        await assertNothingChanged(async () => {
          for (const type of FORM_TYPES) {
            for (const headers of [{ Origin: TEST_ORIGIN }, {}] as Record<string, string>[]) {
              const res = await send(route, type, headers);
              assert.deepEqual(
                res,
                { status: 403, code: 'json_required' },
                `${routeKey(route)} as ${type} with ${JSON.stringify(headers)}`,
              );
            }
          }
        });
      }
    });

    it('refuse JSON from evil.test, from Origin: null and with cross-site or same-site fetch metadata', async () => {
      const senders: Record<string, string>[] = [
        { Origin: EVIL },
        { Origin: 'null' }, // sandboxed iframes, data: URLs, some redirects
        { Origin: EVIL, 'Sec-Fetch-Site': 'same-origin' }, // a lying header changes nothing
        { 'Sec-Fetch-Site': 'cross-site' },
        { 'Sec-Fetch-Site': 'same-site' }, // a sibling subdomain is not the allowed origin
      ];
      for (const route of stateChanging()) {
        await assertNothingChanged(async () => {
          for (const headers of senders) {
            const res = await send(route, 'application/json', headers);
            assert.deepEqual(
              res,
              { status: 403, code: 'forbidden_origin' },
              `${routeKey(route)} with ${JSON.stringify(headers)}`,
            );
          }
        });
      }
    });

    it('leave the mail-sending endpoints without a session silent: no user, no token, no mail', async () => {
      const mailers = [...MAILERS.keys()];
      const mailCount = async () => Number((await server.db.knex('mail_queue').count({ n: '*' }).first())?.n);
      const before = await mailCount();
      for (const route of stateChanging().filter((r) => mailers.includes(routeKey(r)))) {
        for (const type of FORM_TYPES) await send(route, type, { Origin: EVIL });
        await send(route, 'application/json', { Origin: EVIL });
        await send(route, 'application/json', { 'Sec-Fetch-Site': 'cross-site' });
      }
      await drainMailQueue(server.services);
      assert.equal(await mailCount(), before);
      assert.equal(await server.db.knex('auth.users').where({ email: unregistered }).first(), undefined);
    });
  });

  describe('hosted form pages', () => {
    const forged: Record<string, string>[] = [
      { Origin: EVIL },
      { Origin: TEST_ORIGIN }, // allowed to call the API, but the pages post only to themselves
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ];
    const postForm = async (path: string, fields: Record<string, string>, headers: Record<string, string>) => {
      const res = await fetch(server.url + path, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
      return { status: res.status, code: body.error?.code };
    };

    it('refuse every form post that does not come from the server itself, on every hosted form route', async () => {
      const routes = listHostedFormRoutes(server.services);
      assert.ok(routes.length >= 2, `hosted form routes: ${routes.map(routeKey).join(', ')}`);
      for (const route of routes) {
        await assertNothingChanged(async () => {
          for (const headers of forged) {
            const res = await postForm(route.path, { token: 'A'.repeat(43) }, headers);
            assert.deepEqual(
              res,
              { status: 403, code: 'forbidden_origin' },
              `${routeKey(route)} with ${JSON.stringify(headers)}`,
            );
          }
        });
      }
    });

    it('POST /auth/verify-email: a forged confirm is refused and the link still confirms afterwards', async () => {
      const email = uniqueEmail('confirm');
      await new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-up', {
        email,
        password: PASSWORD,
        redirectUrl: `${TEST_ORIGIN}/welcome`,
      });
      const link = linkIn(await latestMail(server.services, email, 'verifyEmail'));
      const token = link.searchParams.get('token')!;
      await assertNothingChanged(async () => {
        for (const headers of forged)
          assert.equal((await postForm(link.pathname, { token }, headers)).status, 403, JSON.stringify(headers));
      });
      assert.equal((await userByEmail(email)).email_verified_at, null);
      const confirmed = await followLink(new TestClient(server.url), link);
      assert.equal(confirmed.status, 303);
      assert.ok((await userByEmail(email)).email_verified_at);
    });

    it('POST /auth/reset-password: a forged reset is refused and the link still resets afterwards', async () => {
      const { email } = await signedUpClient(server.services, server.url);
      await new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/auth/password/forgot', { email });
      const link = linkIn(await latestMail(server.services, email, 'resetPassword'));
      const fields = {
        token: link.searchParams.get('token')!,
        password: 'chosen by the attacker',
        confirm: 'chosen by the attacker',
      };
      await assertNothingChanged(async () => {
        for (const headers of forged)
          assert.equal((await postForm(link.pathname, fields, headers)).status, 403, JSON.stringify(headers));
      });
      const client = new TestClient(server.url, { origin: TEST_ORIGIN });
      assert.equal(
        (await client.post('/api/auth/sign-in', { email, password: PASSWORD })).status,
        200,
        'the password did not change',
      );
      const reset = await followLink(client, link, { password: 'chosen by the owner', confirm: 'chosen by the owner' });
      assert.equal(reset.status, 200, 'no redirect asked for: the confirmation page');
      assert.equal((await client.post('/api/auth/sign-in', { email, password: 'chosen by the owner' })).status, 200);
    });
  });

  describe('the fixtures were live (controls, after every attack)', () => {
    it("the victim's sessions survived, and the same JSON from the allowed origin is accepted", async () => {
      assert.equal((await victim.client.get('/api/me')).status, 200);
      const sessions = (await victim.client.get('/api/sessions')).body.sessions as { id: string }[];
      assert.ok(
        sessions.some((s) => s.id === otherSessionId),
        'the other session is still live',
      );
      const exchanged = await new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/session/exchange', {
        code: exchangeCode,
        confirm: true,
      });
      assert.equal(exchanged.status, 200, 'the exchange code was not consumed by a forged request');
    });

    for (const [key, template] of MAILERS) {
      it(`${key} from the allowed origin answers 202 and mails`, async () => {
        const route = apiRoutes.find((r) => routeKey(r) === key);
        assert.ok(route, `${key} is gone: update MAILERS`);
        const to = (bodies()[key] as { email: string }).email;
        const mailCount = async () =>
          Number((await server.db.knex('mail_queue').where({ to_address: to, template }).count({ n: '*' }).first())?.n);
        const before = await mailCount();
        const res = await send(route, 'application/json', { Origin: TEST_ORIGIN });
        assert.equal(res.status, 202);
        await server.services.detached.idle(); // these routes mail after answering (A4)
        assert.equal(await mailCount(), before + 1);
      });
    }
  });

  describe('CORS on every API route (E2)', () => {
    const refused = [
      EVIL,
      'null',
      `${TEST_ORIGIN}.evil.test`,
      TEST_ORIGIN.replace('http:', 'https:'),
      'http://localhost:5174',
    ];
    // The public settings answer every origin with `*`, never with credentials (client-config.test.ts).
    const isPublic = (route: RouteInfo) =>
      route.method === 'GET' && PUBLIC_API_PATHS.has(route.path.replace(/^\/api/, ''));

    it('gives refused origins no Access-Control-Allow-Origin, on preflights and on requests', async () => {
      for (const route of apiRoutes) {
        if (isPublic(route)) continue;
        for (const origin of refused) {
          const where = `${routeKey(route)} from ${origin}`;
          const preflight = await fetch(server.url + pathOf(route), {
            method: 'OPTIONS',
            headers: {
              Origin: origin,
              'Access-Control-Request-Method': route.method,
              'Access-Control-Request-Headers': 'content-type',
            },
          });
          assert.equal(preflight.headers.get('access-control-allow-origin'), null, `preflight ${where}`);
          assert.equal(preflight.headers.get('access-control-allow-methods'), null, `preflight ${where}`);
          assert.equal(preflight.headers.get('access-control-allow-credentials'), null, `preflight ${where}`);
          assert.match(preflight.headers.get('vary') ?? '', /Origin/, `preflight ${where}`);
          if (route.method !== 'GET') continue; // state-changing requests are covered above
          const res = await fetch(server.url + pathOf(route), { headers: { Origin: origin } });
          assert.equal(res.headers.get('access-control-allow-origin'), null, where);
          await res.body?.cancel();
        }
      }
    });

    it('echoes the allowed origin exactly on preflights to every API route', async () => {
      for (const route of apiRoutes) {
        const preflight = await fetch(server.url + pathOf(route), {
          method: 'OPTIONS',
          headers: {
            Origin: TEST_ORIGIN,
            'Access-Control-Request-Method': route.method,
            'Access-Control-Request-Headers': 'content-type',
          },
        });
        assert.equal(preflight.status, 204, routeKey(route));
        assert.equal(
          preflight.headers.get('access-control-allow-origin'),
          isPublic(route) ? '*' : TEST_ORIGIN,
          routeKey(route),
        );
        assert.match(
          preflight.headers.get('access-control-allow-methods') ?? '',
          new RegExp(`\\b${route.method}\\b`),
          routeKey(route),
        );
      }
    });
  });
});
