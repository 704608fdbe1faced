/**
 * docs/security.md C4 on each database: no secret ever reaches a log line. Two servers (cookie and
 * bearer transport) log at trace level into a captured stream while a user goes through every
 * flow that issues or receives a secret — sign-up, the hosted verify page (GET and POST), the
 * code exchange, password sign-in (right and wrong), /api/me, the sessions list, the JWT, the
 * forgotten-password link and its hosted form, a password change, sign-out, a magic link (asked,
 * opened, continued, exchanged, polled), the development outbox, and bearer sign-in and refresh.
 * Every secret typed or issued (passwords, session tokens from Set-Cookie and bodies, emailed
 * link tokens, exchange codes, the JWT) is collected and the whole log is scanned for each, raw
 * and URL-encoded: 0 hits. So that the scan cannot pass on an empty log, every request made must
 * have its own log line (found by its X-Request-Id), and the issued tokens must be at least 43
 * base64url characters (256 bits).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CapturedLog } from '../testing/captured-log';
import type { RunningServer } from '../start';
import { codeFrom, latestMail, linkIn, uniqueEmail } from '../testing/accounts';
import { describeOnEachDatabase } from '../testing/databases';
import { TestClient, TEST_ORIGIN, type JsonAnswer } from '../testing/http-client';
import { startTestServer } from '../testing/test-server';

const PASSWORD = 'correct horse battery staple';
const WRONG_PASSWORD = 'wrong horse battery staple';
const RESET_PASSWORD = 'a password chosen after forgetting';
const CHANGED_PASSWORD = 'a password chosen while signed in';
const TOKEN = /^[A-Za-z0-9_-]{43,}$/;

describeOnEachDatabase('no secret in the logs (C4)', (getDb) => {
  const log = new CapturedLog();
  /** Every secret seen, with where it came from, for the failure message. */
  const secrets = new Map<string, string>();
  /** Tokens that must carry 256 bits. */
  const tokens = new Map<string, string>();
  /** X-Request-Id of every request made through `track`. */
  const requestIds: string[] = [];
  let cookieServer: RunningServer;
  let bearerServer: RunningServer;

  const secret = (value: string | null | undefined, label: string) => {
    assert.ok(value, `no ${label}`);
    secrets.set(value, label);
    return value;
  };
  const token = (value: string | null | undefined, label: string) => {
    tokens.set(secret(value, label), label);
    return value!;
  };

  /** Notes an answer's request id and every secret it hands out (session cookie, body token, code). */
  function track<T extends JsonAnswer>(answer: T, label: string): T {
    const id = answer.headers.get('x-request-id');
    assert.ok(id, `${label}: no X-Request-Id`);
    requestIds.push(id);
    for (const cookie of answer.headers.getSetCookie()) {
      const value = /^__Host-acct_session=([^;]*)/.exec(cookie)?.[1];
      if (value) token(value, `${label}: session cookie`);
    }
    const session = (answer.body as { session?: { token?: string } } | undefined)?.session;
    if (session?.token) token(session.token, `${label}: bearer token`);
    return answer;
  }

  /** A hosted page's GET (the link as the mail has it) and its form POST, from the server's own origin. */
  async function openAndSubmit(link: URL, fields: Record<string, string>, label: string): Promise<string | null> {
    const page = await fetch(link);
    requestIds.push(page.headers.get('x-request-id')!);
    assert.equal(page.status, 200, `${label} page`);
    await page.text();
    const posted = await fetch(link.origin + link.pathname, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: link.origin },
      body: new URLSearchParams({ token: link.searchParams.get('token')!, ...fields }),
    });
    requestIds.push(posted.headers.get('x-request-id')!);
    assert.equal(posted.status, 303, `${label} form`);
    return posted.headers.get('location');
  }

  before(async () => {
    cookieServer = await startTestServer(getDb(), { logTo: log });
    bearerServer = await startTestServer(getDb(), {
      logTo: log,
      env: { ACCT_SESSION_TRANSPORT: 'bearer', ACCT_REQUIRE_EMAIL_VERIFICATION: 'false' },
    });
    for (const password of [PASSWORD, WRONG_PASSWORD, RESET_PASSWORD, CHANGED_PASSWORD]) secret(password, 'a password');

    // Cookie transport: sign-up, the emailed link, the exchange, sign-in.
    const services = cookieServer.services;
    const email = uniqueEmail('logs');
    const browser = new TestClient(cookieServer.url, { origin: TEST_ORIGIN });
    track(
      await browser.post('/api/auth/sign-up', {
        email,
        password: PASSWORD,
        redirectUrl: `${TEST_ORIGIN}/welcome`,
        browserKey: secret(browser.browserKey, 'browser key'),
      }),
      'sign-up',
    );
    const verifyLink = linkIn(await latestMail(services, email, 'verifyEmail'));
    token(verifyLink.searchParams.get('token'), 'verification link token');
    const verified = await openAndSubmit(verifyLink, {}, 'verify email');
    const exchanged = track(
      await browser.post('/api/session/exchange', {
        code: token(codeFrom(verified), 'exchange code (verification)'),
        browserKey: browser.browserKey,
      }),
      'exchange',
    );
    assert.equal(exchanged.status, 200);
    assert.equal(
      track(await browser.post('/api/auth/sign-in', { email, password: WRONG_PASSWORD }), 'wrong password').status,
      401,
    );
    assert.equal(track(await browser.post('/api/auth/sign-in', { email, password: PASSWORD }), 'sign-in').status, 200);

    // Signed in: who am I, sessions, history, the JWT, the development outbox (which holds links).
    for (const path of ['/api/me', '/api/sessions', '/api/login-history', '/api/dev/outbox']) {
      assert.equal(track(await browser.get(path), path).status, 200, path);
    }
    const jwt = track(await browser.get('/api/session/token'), 'session token');
    secret(jwt.body.token, 'JWT');
    assert.match(jwt.body.token, /^[\w-]+\.[\w-]+\.[\w-]+$/);

    // Forgotten password through the hosted form, then a change and sign-out.
    track(await browser.post('/api/auth/password/forgot', { email, redirectUrl: `${TEST_ORIGIN}/account` }), 'forgot');
    const resetLink = linkIn(await latestMail(services, email, 'resetPassword'));
    token(resetLink.searchParams.get('token'), 'reset link token');
    const reset = await openAndSubmit(
      resetLink,
      { password: RESET_PASSWORD, confirm: RESET_PASSWORD },
      'reset password',
    );
    const afterReset = new TestClient(cookieServer.url, { origin: TEST_ORIGIN });
    assert.equal(
      track(
        await afterReset.post('/api/session/exchange', {
          code: token(codeFrom(reset), 'exchange code (reset)'),
          confirm: true,
        }),
        'exchange',
      ).status,
      200,
    );
    const changed = track(
      await afterReset.post('/api/auth/password/change', {
        currentPassword: RESET_PASSWORD,
        newPassword: CHANGED_PASSWORD,
      }),
      'change',
    );
    assert.equal(changed.status, 200);
    assert.equal(track(await afterReset.post('/api/auth/sign-out', {}), 'sign-out').status, 200);

    // A magic link: asked for, polled, opened (GET, then the Continue POST), exchanged.
    const asked = track(
      await browser.post('/api/auth/magic-link', { email, redirectUrl: `${TEST_ORIGIN}/welcome` }),
      'magic link',
    );
    assert.equal(asked.status, 202);
    const magicLink = linkIn(await latestMail(services, email, 'magicLink'));
    token(magicLink.searchParams.get('token'), 'magic link token');
    const continued = await openAndSubmit(magicLink, {}, 'magic link');
    const magicClient = new TestClient(cookieServer.url, { origin: TEST_ORIGIN });
    assert.equal(
      track(
        await magicClient.post('/api/session/exchange', {
          code: token(codeFrom(continued), 'exchange code (magic link)'),
          confirm: true,
        }),
        'exchange',
      ).status,
      200,
    );
    assert.equal(
      track(await browser.get(`/api/auth/magic-link/${asked.body.linkId}/status`), 'magic link status').body.status,
      'used',
    );

    // Bearer transport: the secret travels in bodies and Authorization headers; refresh rotates it.
    const app = new TestClient(bearerServer.url, { origin: TEST_ORIGIN });
    const bearerEmail = uniqueEmail('bearer');
    track(await app.post('/api/auth/sign-up', { email: bearerEmail, password: PASSWORD }), 'bearer sign-up');
    const signedIn = track(
      await app.post('/api/auth/sign-in', { email: bearerEmail, password: PASSWORD }),
      'bearer sign-in',
    );
    app.bearer = signedIn.body.session.token;
    const refreshed = track(await app.post('/api/session/refresh', {}), 'bearer refresh');
    assert.notEqual(refreshed.body.session.token, signedIn.body.session.token, 'the secret rotates');
    app.bearer = refreshed.body.session.token;
    assert.equal(track(await app.get('/api/me'), 'bearer me').status, 200);
    assert.equal(track(await app.get('/api/session/token'), 'bearer JWT').status, 200);
  });
  after(async () => {
    await bearerServer.close();
    await cookieServer.close();
  });

  it('logged every request it was sent, each as a JSON line with its request id', () => {
    assert.ok(requestIds.length >= 20, `only ${requestIds.length} requests made`);
    const logged = log.lines.map((line) => JSON.parse(line) as { req?: { id?: string }; res?: unknown });
    const ids = new Set(logged.filter((l) => l.req && l.res).map((l) => l.req!.id));
    const missing = requestIds.filter((id) => !ids.has(id));
    assert.deepEqual(missing, [], 'requests without a log line');
  });

  it('collected the secrets it scans for', () => {
    // 4 passwords, 3 link tokens, 3 exchange codes, 6 sessions (3 exchanges, sign-in, bearer ×2), a JWT.
    assert.ok(secrets.size >= 17, `only ${secrets.size} secrets: ${[...secrets.values()].join(', ')}`);
  });

  it('issued every token with at least 256 bits (43 base64url characters)', () => {
    for (const [value, label] of tokens) assert.match(value, TOKEN, label);
  });

  it('wrote none of them in any log line, raw or URL-encoded', () => {
    const text = log.lines.join('');
    const leaks = [...secrets]
      .filter(([value]) => text.includes(value) || text.includes(encodeURIComponent(value)))
      .map(([, label]) => label);
    assert.deepEqual(leaks, []);
  });
});
