/**
 * The second factor at sign-in, on each database: every first factor — password, magic link,
 * OAuth (its hand-over code), passkey with and without user verification — with the second factor
 * off and on. With it on, the first factor answers `mfa_required` and no session exists until
 * `POST /api/auth/mfa/verify` (M5); the session's method is then `mfa`, the login history holds
 * both factors and every wrong code, a passkey that verified its user is both factors (M6), the
 * pending state ends after five minutes, after one use and after five wrong codes, and a new
 * device still gets its mail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../start';
import { exchange, followLink, latestMail, linkIn, signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { drainMailQueue } from '../../testing/mail';
import { SoftAuthenticator } from '../../testing/soft-authenticator';
import { startTestServer } from '../../testing/test-server';
import { issueToken } from '../one-time-tokens/one-time-tokens.queries';
import { mfaUser, passwordSignIn, pendingSignIn, sessionsOf, usableCode, type MfaUser } from './mfa.fixtures';

const FIREFOX_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:140.0) Gecko/20100101 Firefox/140.0';

describeOnEachDatabase('second factor at sign-in', (getDb) => {
  let server: RunningServer;
  const browser = (userAgent?: string) =>
    new TestClient(server.url, { origin: TEST_ORIGIN, ...(userAgent ? { userAgent } : {}) });

  before(async () => {
    server = await startTestServer(getDb(), {
      env: {
        ACCT_RATE_LIMITS:
          'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60 mfa-code:ip=1000/60 mfa-code:account=1000/60',
      },
    });
  });
  after(() => server.close());

  /** An account without a second factor, with its id. */
  async function plainUser() {
    const account = await signedUpClient(server.services, server.url);
    const row = await server.db.knex('auth.users').where({ email: account.email }).first('id');
    return { ...account, userId: row!.id as string };
  }

  /** The answer of `first` must be the second step, with no session anywhere; then the code signs in. */
  async function assertSecondStep(user: MfaUser, client: TestClient, answer: unknown, firstMethod: string) {
    const sessionsBefore = await sessionsOf(server, user.userId);
    assert.equal((answer as { status?: string }).status, 'mfa_required', JSON.stringify(answer));
    const { mfaToken, expiresAt, methods } = answer as { mfaToken: string; expiresAt: string; methods: string[] };
    assert.ok(!('session' in (answer as object)), 'no session in the answer');
    assert.deepEqual(methods, ['totp', 'recovery_code']);
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    assert.ok(minutes > 4 && minutes <= 5, `expires in ${minutes} minutes`);
    assert.equal((await client.call('GET /api/session')).body.user, null, 'not signed in before the code');

    const verified = await client.call('POST /api/auth/mfa/verify', {
      body: { mfaToken, code: await usableCode(server, user) },
    });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    if (verified.body.session.token) client.bearer = verified.body.session.token;
    assert.equal((await client.call('GET /api/me')).body.user.id, user.userId);
    assert.equal(await sessionsOf(server, user.userId), sessionsBefore + 1);
    const sessions = (await client.call('GET /api/sessions')).body.sessions;
    assert.equal(sessions.find((s) => s.current)?.method, 'mfa');
    const [second, first] = (await client.call('GET /api/login-history')).body.events;
    assert.deepEqual([second?.eventType, second?.method], ['login_success', 'mfa']);
    assert.deepEqual([first?.eventType, first?.method, first?.success], ['second_factor_required', firstMethod, true]);
  }

  describe('password', () => {
    it('signs in at once without a second factor', async () => {
      const user = await plainUser();
      const { res } = await passwordSignIn(server, user);
      assert.equal(res.status, 200);
      assert.ok('session' in res.body);
    });

    it('asks for the code with one, and makes the session only then (M5)', async () => {
      const user = await mfaUser(server);
      const { client, res } = await passwordSignIn(server, user);
      assert.equal(res.headers.getSetCookie().length, 0, 'no cookie before the second factor');
      await assertSecondStep(user, client, res.body, 'password');
    });

    it('signs in with a recovery code instead, once', async () => {
      const user = await mfaUser(server);
      const { client, mfaToken } = await pendingSignIn(server, user);
      const recoveryCode = user.recoveryCodes[3]!;
      const ok = await client.call('POST /api/auth/mfa/verify', { body: { mfaToken, recoveryCode } });
      assert.equal(ok.status, 200);
      const again = await pendingSignIn(server, user);
      const reused = await again.client.call('POST /api/auth/mfa/verify', {
        body: { mfaToken: again.mfaToken, recoveryCode },
      });
      assert.deepEqual([reused.status, reused.error?.code], [400, 'invalid_mfa_code']);
    });
  });

  describe('magic link and OAuth', () => {
    async function magicLinkExchange(email: string) {
      const asking = browser();
      const res = await asking.post('/api/auth/magic-link', {
        email,
        browserKey: asking.browserKey,
        redirectUrl: `${TEST_ORIGIN}/account`,
      });
      assert.equal(res.status, 202);
      const continued = await followLink(browser(), linkIn(await latestMail(server.services, email, 'magicLink')));
      return { client: asking, answer: (await exchange(asking, continued.location)).body as unknown };
    }

    /** The hand-over code an OAuth callback ends with (oauth.test.ts proves the callback makes it). */
    async function oauthExchange(userId: string) {
      const code = await issueToken(server.db.knex, {
        userId,
        purpose: 'session_exchange',
        data: { method: 'oauth_testop', flow: 'oauth', browserKeyHash: null },
      });
      const client = browser();
      return { client, answer: (await client.post('/api/session/exchange', { code, confirm: true })).body as unknown };
    }

    it('signs in at once without a second factor', async () => {
      const user = await plainUser();
      assert.equal(((await magicLinkExchange(user.email)).answer as { status: string }).status, 'signed_in');
      assert.equal(((await oauthExchange(user.userId)).answer as { status: string }).status, 'signed_in');
    });

    it('asks for the code after a magic link (M5)', async () => {
      const user = await mfaUser(server);
      const { client, answer } = await magicLinkExchange(user.email);
      await assertSecondStep(user, client, answer, 'magic_link');
    });

    it('asks for the code after an OAuth sign-in (M5)', async () => {
      const user = await mfaUser(server);
      const { client, answer } = await oauthExchange(user.userId);
      await assertSecondStep(user, client, answer, 'oauth_testop');
    });
  });

  describe('passkey', () => {
    async function withPasskey(user: { client: TestClient }) {
      const authenticator = new SoftAuthenticator();
      const options = (await user.client.post('/api/passkeys/register/options')).body;
      const res = await user.client.post('/api/passkeys/register/verify', {
        response: authenticator.register(options),
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return authenticator;
    }
    async function signInWith(authenticator: SoftAuthenticator, userVerified: boolean) {
      const client = browser();
      const options = (await client.post('/api/passkeys/authenticate/options')).body;
      const res = await client.post('/api/passkeys/authenticate/verify', {
        response: authenticator.authenticate(options, { userVerified }),
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return { client, answer: res.body as unknown };
    }

    it('signs in at once without a second factor, verified or not', async () => {
      const authenticator = await withPasskey(await plainUser());
      for (const userVerified of [true, false]) {
        assert.ok('session' in ((await signInWith(authenticator, userVerified)).answer as object));
      }
    });

    it('counts a passkey that verified its user as both factors (M6)', async () => {
      const user = await mfaUser(server);
      const { answer } = await signInWith(await withPasskey(user), true);
      assert.ok('session' in (answer as object), JSON.stringify(answer));
    });

    it('asks for the code after a passkey without user verification (M6)', async () => {
      const user = await mfaUser(server);
      const { client, answer } = await signInWith(await withPasskey(user), false);
      await assertSecondStep(user, client, answer, 'passkey');
    });
  });

  describe('the pending sign-in', () => {
    it('works once: a second verify with another right code is refused', async () => {
      const user = await mfaUser(server);
      const { client, mfaToken } = await pendingSignIn(server, user);
      const first = await client.call('POST /api/auth/mfa/verify', {
        body: { mfaToken, code: await usableCode(server, user) },
      });
      assert.equal(first.status, 200);
      const replay = await browser().call('POST /api/auth/mfa/verify', {
        body: { mfaToken, code: await usableCode(server, user) },
      });
      assert.deepEqual([replay.status, replay.error?.code], [400, 'mfa_challenge_expired']);
    });

    it('ends after five minutes', async () => {
      const user = await mfaUser(server);
      const { client, mfaToken } = await pendingSignIn(server, user);
      await server.db
        .knex('auth.mfa_challenges')
        .where({ user_id: user.userId })
        .update({ expires_at: server.db.knex.raw(`now() - interval '1 second'`) });
      const late = await client.call('POST /api/auth/mfa/verify', {
        body: { mfaToken, code: await usableCode(server, user) },
      });
      assert.deepEqual([late.status, late.error?.code], [400, 'mfa_challenge_expired']);
      assert.equal(await sessionsOf(server, user.userId), 1, 'only the enrolling session');
    });

    it('records wrong codes in the login history and ends after five of them', async () => {
      const user = await mfaUser(server);
      const { client, mfaToken } = await pendingSignIn(server, user);
      for (let i = 0; i < 5; i++) {
        const wrong = await client.call('POST /api/auth/mfa/verify', { body: { mfaToken, code: '000000' } });
        assert.equal(wrong.error?.code, 'invalid_mfa_code');
      }
      const right = await client.call('POST /api/auth/mfa/verify', {
        body: { mfaToken, code: await usableCode(server, user) },
      });
      assert.equal(right.error?.code, 'mfa_challenge_expired');
      const failures = await server.db
        .knex('login_history')
        .where({ user_id: user.userId, event_type: 'login_failed' });
      assert.equal(failures.length, 5);
      assert.deepEqual(
        failures.map((f) => [f.auth_method, f.failure_reason]),
        Array.from({ length: 5 }, () => ['mfa', 'invalid_totp_code']),
      );
      const garbage = await client.call('POST /api/auth/mfa/verify', { body: { mfaToken: 'nope', code: '123456' } });
      assert.deepEqual([garbage.status, garbage.error?.code], [400, 'mfa_challenge_expired']);
      const both = await client.post('/api/auth/mfa/verify', { mfaToken, code: '123456', recoveryCode: 'abcde-fghjk' });
      assert.equal(both.status, 400);
    });

    it('still mails the new-device notice, once the second factor is given', async () => {
      const user = await mfaUser(server);
      await drainMailQueue(server.services);
      const client = browser(FIREFOX_MAC);
      const res = await client.call('POST /api/auth/sign-in', { body: { email: user.email, password: user.password } });
      assert.ok('mfaToken' in res.body);
      const mailsBefore = (await server.services.mail.outbox(500)).filter(
        (m) => m.template === 'newDevice' && m.to === user.email,
      );
      assert.equal(mailsBefore.length, 0, 'no notice for a first factor alone');
      const ok = await client.call('POST /api/auth/mfa/verify', {
        body: { mfaToken: res.body.mfaToken, code: await usableCode(server, user) },
      });
      assert.equal(ok.status, 200);
      assert.match((await latestMail(server.services, user.email, 'newDevice')).text, /Firefox/);
    });
  });
});
