/**
 * Accounts with passwords through the real HTTP API on each database: sign-up with email
 * verification, sign-in, forgotten and changed passwords — their success paths, every validation
 * error, wrong credentials, and the no-enumeration rule (docs/security.md A4).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../start';
import { exchange, followLink, latestMail, linkIn, signedUpClient, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';
import { registrationIn } from '../users/address-proof';
import { setPasswordHash } from '../users/users.queries';

const PASSWORD = 'correct horse battery staple';

describeOnEachDatabase('passwords', (getDb) => {
  let server: RunningServer;
  let client: TestClient;
  const services = () => server.services;
  const mailCount = async () => Number((await server.db.knex('mail_queue').count({ n: '*' }).first())?.n);

  before(async () => {
    // Generous limits here; the rate-limit tests below set their own.
    server = await startTestServer(getDb(), {
      env: { ACCT_RATE_LIMITS: 'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60 sign-in:account=50/60' },
    });
    client = new TestClient(server.url, { origin: TEST_ORIGIN });
  });
  after(() => server.close());

  describe('sign-up', () => {
    it('creates an unverified account without credentials and mails a link whose landing page consumes nothing on GET', async () => {
      const email = uniqueEmail();
      const body = {
        email: email.toUpperCase(),
        password: PASSWORD,
        displayName: 'Ada',
        redirectUrl: `${TEST_ORIGIN}/welcome`,
        browserKey: client.browserKey,
      };
      const res = await client.post('/api/auth/sign-up', body);
      assert.equal(res.status, 202);
      assert.deepEqual(res.body, { status: 'verification_sent' });
      await services().detached.idle();
      const user = await server.db.knex('auth.users').where({ email }).first();
      assert.ok(user, 'stored lower-cased');
      assert.equal(user.email_verified_at, null);
      // A pending registration: its password and name wait with the link until the address is proven.
      assert.equal(user.display_name, null);
      assert.equal(user.password_hash, null);
      const pending = await server.db
        .knex('auth.one_time_tokens')
        .where({ user_id: user.id, purpose: 'email_verification' })
        .whereNull('used_at')
        .first();
      assert.match(registrationIn(pending?.data ?? {})?.passwordHash ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

      const link = linkIn(await latestMail(services(), email, 'verifyEmail'));
      assert.equal(link.origin + link.pathname, `${server.url}/auth/verify-email`);
      for (let i = 0; i < 3; i++) {
        // A mail scanner following the link (docs/security.md B2).
        const page = await fetch(link);
        assert.equal(page.status, 200);
        assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
        assert.equal(page.headers.get('cache-control'), 'no-store');
        assert.match(await page.text(), /Confirm my email/);
      }
      assert.equal((await server.db.knex('auth.users').where({ email }).first())?.email_verified_at, null);

      const confirmed = await followLink(client, link);
      assert.equal(confirmed.status, 303);
      assert.match(
        confirmed.location ?? '',
        new RegExp(`^${TEST_ORIGIN}/welcome#acct_code=[\\w-]{43}&acct_flow=email_verification$`),
      );
      const proven = await server.db.knex('auth.users').where({ email }).first();
      assert.ok(proven?.email_verified_at);
      assert.equal(proven?.display_name, 'Ada', 'the name typed at sign-up is kept');
      assert.match(proven?.password_hash ?? '', /^\$argon2id\$/);

      const exchanged = await exchange(client, confirmed.location);
      assert.equal(exchanged.status, 200);
      assert.equal(exchanged.body.status, 'signed_in', 'the browser that signed up gets its session at once');
      assert.equal(exchanged.body.user.email, email);
      assert.equal(exchanged.body.user.emailVerified, true);
      assert.equal(exchanged.body.session.token, undefined, 'cookie transport: no secret in the body');
      assert.equal((await client.get('/api/me')).body.user.email, email);

      // The link and the code are single-use.
      assert.equal((await followLink(client, link)).status, 400);
      assert.equal((await exchange(client, confirmed.location)).body.error.code, 'invalid_code');
    });

    it('answers the same for a taken address, and tells its owner instead (A4)', async () => {
      const { email } = await signedUpClient(services(), server.url);
      const before = await mailCount();
      const res = await new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-up', {
        email,
        password: 'another long password',
      });
      assert.equal(res.status, 202);
      assert.deepEqual(res.body, { status: 'verification_sent' });
      await services().detached.idle();
      assert.equal(await mailCount(), before + 1);
      const notice = await latestMail(services(), email);
      assert.equal(notice.template, 'accountExists');
      assert.equal(linkIn(notice).pathname, '/auth/reset-password');
      // The password did not change.
      assert.equal(
        (
          await new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-in', {
            email,
            password: PASSWORD,
          })
        ).status,
        200,
      );
    });

    for (const [name, body, fields] of [
      ['a missing email', { password: PASSWORD }, { email: 'invalid_email' }],
      ['a malformed email', { email: 'not-an-email', password: PASSWORD }, { email: 'invalid_email' }],
      ['a missing password', { email: 'x@example.test' }, { password: 'required' }],
      ['a short password', { email: 'x@example.test', password: 'short' }, { password: 'password_too_short' }],
      ['a common password', { email: 'x@example.test', password: 'Password123' }, { password: 'password_too_common' }],
      [
        'the email as password',
        { email: 'alexander@example.test', password: 'alexander@example.test' },
        { password: 'password_too_common' },
      ],
      ['a huge password', { email: 'x@example.test', password: 'x'.repeat(5000) }, { password: 'password_too_long' }],
      ['a number as email', { email: 42, password: PASSWORD }, { email: 'invalid_email' }],
      ['an unknown field', { email: 'x@example.test', password: PASSWORD, admin: true }, { admin: 'unknown_field' }],
      [
        'a foreign redirect',
        { email: 'x@example.test', password: PASSWORD, redirectUrl: 'https://evil.test/' },
        { redirectUrl: 'redirect_not_allowed' },
      ],
    ] as const) {
      it(`refuses ${name} with 400 and the field's code, creating nothing`, async () => {
        const users = await server.db.knex('auth.users').count({ n: '*' }).first();
        const res = await client.post('/api/auth/sign-up', body);
        assert.equal(res.status, 400);
        assert.equal(res.body.error.code, 'invalid_request');
        assert.deepEqual(res.body.error.fields, fields);
        assert.deepEqual(await server.db.knex('auth.users').count({ n: '*' }).first(), users);
      });
    }
  });

  describe('sign-in', () => {
    it('signs in with the right password, with a session cookie and a login history line', async () => {
      const { email } = await signedUpClient(services(), server.url);
      const fresh = new TestClient(server.url, { origin: TEST_ORIGIN });
      const res = await fresh.post('/api/auth/sign-in', { email: email.toUpperCase(), password: PASSWORD });
      assert.equal(res.status, 200);
      assert.equal(res.body.user.email, email);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-acct_session='));
      assert.match(cookie ?? '', /HttpOnly/);
      assert.match(cookie ?? '', /SameSite=Lax/);
      assert.match(cookie ?? '', /Path=\//);
      const me = await fresh.get('/api/me');
      assert.equal(me.body.session.id, res.body.session.id);
      const history = await fresh.get('/api/login-history');
      assert.deepEqual(
        history.body.events
          .slice(0, 1)
          .map((e: { eventType: string; method: string; success: boolean }) => [e.eventType, e.method, e.success]),
        [['login_success', 'password', true]],
      );
    });

    it('answers a wrong password and an unknown address identically (A4)', async () => {
      const { email } = await signedUpClient(services(), server.url);
      const wrong = await client.post('/api/auth/sign-in', { email, password: 'not the password' });
      const unknown = await client.post('/api/auth/sign-in', {
        email: uniqueEmail('nobody'),
        password: 'not the password',
      });
      assert.equal(wrong.status, 401);
      assert.deepEqual(wrong.body, unknown.body);
      assert.equal(unknown.status, 401);
      assert.equal(wrong.body.error.code, 'invalid_credentials');
      await services().detached.idle(); // written after answering, so that it cannot be timed
      const failure = await server.db
        .knex('login_history')
        .where({ event_type: 'login_failed' })
        .orderBy('created_at', 'desc')
        .first();
      assert.equal(failure?.failure_reason, 'wrong_password');
    });

    it('takes as long for an unknown address as for a wrong password (dummy hash, A4)', async () => {
      const { email } = await signedUpClient(services(), server.url);
      const time = async (address: string) => {
        const started = performance.now();
        await client.post('/api/auth/sign-in', { email: address, password: 'not the password' });
        return performance.now() - started;
      };
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 5; i++) {
        known.push(await time(email));
        unknown.push(await time(uniqueEmail('ghost')));
      }
      // Both pay one argon2id verify (~25 ms); without the dummy, unknown would be ~1 ms.
      assert.ok(median(unknown) > median(known) * 0.5, `unknown ${median(unknown)} ms vs known ${median(known)} ms`);
    });

    it('refuses an unverified account with 403 email_not_verified and mails a new link', async () => {
      const email = uniqueEmail();
      await client.post('/api/auth/sign-up', { email, password: PASSWORD });
      const first = await latestMail(services(), email, 'verifyEmail');
      const res = await client.post('/api/auth/sign-in', { email, password: PASSWORD });
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'email_not_verified');
      const second = await latestMail(services(), email, 'verifyEmail');
      assert.notEqual(second.id, first.id);
      // The newer link supersedes the older one (B3).
      assert.equal((await followLink(client, linkIn(first))).status, 400);
      assert.equal((await followLink(client, linkIn(second))).status, 200, 'no redirect given: a confirmation page');
    });

    it('refuses malformed input with 400, never 500', async () => {
      for (const body of [{}, { email: [], password: {} }, { email: 'a@b.c' }, '"just a string"', '[]', 'null']) {
        const res = await client.post('/api/auth/sign-in', body);
        assert.equal(res.status, 400, JSON.stringify(body));
      }
    });
  });

  describe('forgotten password', () => {
    it('answers the same for known and unknown addresses and mails only the known one', async () => {
      const { email, client: owner } = await signedUpClient(services(), server.url);
      const before = await mailCount();
      const known = await client.post('/api/auth/password/forgot', { email, redirectUrl: `${TEST_ORIGIN}/account` });
      const unknown = await client.post('/api/auth/password/forgot', { email: uniqueEmail('nobody') });
      assert.equal(known.status, 202);
      assert.deepEqual(known.body, unknown.body);
      await services().detached.idle();
      assert.equal(await mailCount(), before + 1);

      const link = linkIn(await latestMail(services(), email, 'resetPassword'));
      const form = await fetch(link);
      assert.match(await form.text(), /autocomplete="new-password"/);
      const weak = await followLink(client, link, { password: 'password1', confirm: 'password1' });
      assert.equal(weak.status, 400);
      assert.match(weak.text, /too common/);
      const mismatch = await followLink(client, link, {
        password: 'a brand new passphrase',
        confirm: 'something else',
      });
      assert.match(mismatch.text, /not the same/);
      const done = await followLink(client, link, {
        password: 'a brand new passphrase',
        confirm: 'a brand new passphrase',
      });
      assert.equal(done.status, 303);
      assert.match(done.location ?? '', /acct_flow=password_reset/);

      assert.equal((await owner.get('/api/me')).status, 401, 'every session ended (C3)');
      assert.equal((await client.post('/api/auth/sign-in', { email, password: PASSWORD })).status, 401);
      const fresh = new TestClient(server.url, { origin: TEST_ORIGIN });
      // Another browser than the one that asked: it must confirm which account it signs in.
      assert.equal((await exchange(fresh, done.location)).body.status, 'confirmation_required');
      assert.equal((await exchange(fresh, done.location, { confirm: true })).body.status, 'signed_in');
      assert.equal(
        (await followLink(client, link, { password: 'another new passphrase', confirm: 'another new passphrase' }))
          .status,
        400,
        'single use',
      );
    });

    it('gives a sign-in with the old password no session that outlives a reset, however they overlap', async () => {
      // The reset hashes the new password before it writes; a sign-in started meanwhile checks the
      // old one while the reset commits and ends every session.
      const offsets = [0, 30, 60, 90, 120, 150];
      await Promise.all(
        offsets.map(async (offset) => {
          const { email } = await signedUpClient(services(), server.url);
          await client.post('/api/auth/password/forgot', { email });
          await services().detached.idle();
          const link = linkIn(await latestMail(services(), email, 'resetPassword'));
          const intruder = new TestClient(server.url, { origin: TEST_ORIGIN });
          const newPassword = { password: 'the owner reset it', confirm: 'the owner reset it' };
          const [reset, signIn] = await Promise.all([
            followLink(client, link, newPassword),
            new Promise((wait) => setTimeout(wait, offset)).then(() =>
              intruder.post('/api/auth/sign-in', { email, password: PASSWORD }),
            ),
          ]);
          // No return address was given: the landing page says it is done (200), else it redirects.
          assert.ok(reset.status === 303 || /<title>Password changed/.test(reset.text), reset.text);
          assert.ok([200, 401].includes(signIn.status), JSON.stringify(signIn.body));
          assert.equal((await intruder.get('/api/me')).status, 401, `started ${offset} ms after the reset`);
        }),
      );
    });

    it('shows one identical page for unknown, used and tampered tokens (B3)', async () => {
      const pages = await Promise.all(
        ['', 'x', 'A'.repeat(43), `${'A'.repeat(42)}!`].map(async (token) => {
          const res = await fetch(`${server.url}/auth/reset-password?token=${encodeURIComponent(token)}`);
          return `${res.status} ${await res.text()}`;
        }),
      );
      assert.equal(new Set(pages).size, 1);
      assert.match(pages[0]!, /^400 /);
    });
  });

  describe('change password', () => {
    it('needs the current password, then ends every other session', async () => {
      const { client: first, email } = await signedUpClient(services(), server.url);
      const second = new TestClient(server.url, { origin: TEST_ORIGIN });
      assert.equal((await second.post('/api/auth/sign-in', { email, password: PASSWORD })).status, 200);

      const wrong = await first.post('/api/auth/password/change', {
        currentPassword: 'nope nope nope',
        newPassword: 'a new long passphrase',
      });
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body.error.code, 'wrong_password');
      const weak = await first.post('/api/auth/password/change', { currentPassword: PASSWORD, newPassword: 'short' });
      assert.deepEqual(weak.body.error.fields, { newPassword: 'password_too_short' });

      const ok = await first.post('/api/auth/password/change', {
        currentPassword: PASSWORD,
        newPassword: 'a new long passphrase',
      });
      assert.equal(ok.status, 200);
      assert.deepEqual(ok.body, { otherSessionsEnded: 1 });
      assert.equal((await first.get('/api/me')).status, 200, 'this session stays');
      assert.equal((await second.get('/api/me')).status, 401, 'the other one ends at once (C3)');
      assert.equal((await latestMail(services(), email)).template, 'passwordChanged');
    });

    it('lets exactly one of overlapping changes win: the others are refused, and the winner keeps its session', async () => {
      const { client: owner, email } = await signedUpClient(services(), server.url);
      const intruder = new TestClient(server.url, { origin: TEST_ORIGIN });
      assert.equal((await intruder.post('/api/auth/sign-in', { email, password: PASSWORD })).status, 200);
      // Both checked the same current password before either wrote: without the compare-and-swap,
      // the last to commit won and ended the first one's session.
      const change = (client: TestClient, newPassword: string) =>
        client.post('/api/auth/password/change', { currentPassword: PASSWORD, newPassword });
      const [byOwner, byIntruder] = await Promise.all([
        change(owner, 'the owner chose this one'),
        change(intruder, 'the intruder chose this'),
      ]);
      const answers = [byOwner, byIntruder].map((res) => res.status).sort();
      assert.equal(answers[0], 200, JSON.stringify([byOwner.body, byIntruder.body]));
      assert.ok(
        [401, 403].includes(answers[1]!),
        `the loser is refused: ${JSON.stringify([byOwner.body, byIntruder.body])}`,
      );
      const [winner, loser] = byOwner.status === 200 ? [owner, intruder] : [intruder, owner];
      const winning = winner === owner ? 'the owner chose this one' : 'the intruder chose this';
      const losing = winner === owner ? 'the intruder chose this' : 'the owner chose this one';
      assert.equal((await winner.get('/api/me')).status, 200, "the winner's session stays");
      assert.equal((await loser.get('/api/me')).status, 401, "the loser's session ended with the winning change");
      const fresh = () => new TestClient(server.url, { origin: TEST_ORIGIN });
      assert.equal((await fresh().post('/api/auth/sign-in', { email, password: winning })).status, 200);
      assert.equal((await fresh().post('/api/auth/sign-in', { email, password: losing })).status, 401);
    });

    it('takes one change of twenty sent at once from one session', async () => {
      const { client, email } = await signedUpClient(services(), server.url);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          client.post('/api/auth/password/change', {
            currentPassword: PASSWORD,
            newPassword: `parallel passphrase ${i}`,
          }),
        ),
      );
      const won = answers.flatMap((res, i) => (res.status === 200 ? [i] : []));
      assert.equal(won.length, 1, JSON.stringify(answers.map((res) => res.status)));
      for (const res of answers) if (res.status !== 200) assert.equal(res.body.error.code, 'wrong_password');
      const signIn = (password: string) =>
        new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-in', { email, password });
      assert.equal((await signIn(`parallel passphrase ${won[0]}`)).status, 200);
      assert.equal((await signIn(PASSWORD)).status, 401);
    });

    it('gives a sign-in with the replaced password no session that outlives the change, however they overlap', async () => {
      // The change verifies and hashes (two argon2 runs) before it writes; a sign-in started at
      // some point of that checks the old password while the change commits. Whatever the
      // overlap, once both have answered the old password holds no live session.
      const offsets = [0, 40, 80, 120, 160, 200, 240, 280];
      await Promise.all(
        offsets.map(async (offset) => {
          const { client: owner, email } = await signedUpClient(services(), server.url);
          const intruder = new TestClient(server.url, { origin: TEST_ORIGIN });
          const [changed, signIn] = await Promise.all([
            owner.post('/api/auth/password/change', {
              currentPassword: PASSWORD,
              newPassword: 'the owner chose this one',
            }),
            new Promise((wait) => setTimeout(wait, offset)).then(() =>
              intruder.post('/api/auth/sign-in', { email, password: PASSWORD }),
            ),
          ]);
          assert.equal(changed.status, 200, JSON.stringify(changed.body));
          assert.ok([200, 401].includes(signIn.status), JSON.stringify(signIn.body));
          assert.equal((await intruder.get('/api/me')).status, 401, `started ${offset} ms after the change`);
        }),
      );
    });

    it("never writes over a hash that was replaced meanwhile (a sign-in's rehash of the old password)", async () => {
      const { email } = await signedUpClient(services(), server.url);
      const users = () => server.db.knex('auth.users').where({ email });
      const { id, password_hash: verified } = (await users().first('id', 'password_hash'))!;
      assert.equal(await setPasswordHash(server.db.knex, id, 'changed meanwhile', { replacing: verified! }), true);
      assert.equal(
        await setPasswordHash(server.db.knex, id, 'a rehash of the old one', { replacing: verified! }),
        false,
      );
      assert.equal((await users().first('password_hash'))!.password_hash, 'changed meanwhile');
    });

    it('retires a reset link asked for before the change: it cannot set the password back', async () => {
      const { client: owner, email } = await signedUpClient(services(), server.url);
      await client.post('/api/auth/password/forgot', { email });
      await services().detached.idle();
      const link = linkIn(await latestMail(services(), email, 'resetPassword'));
      const changed = await owner.post('/api/auth/password/change', {
        currentPassword: PASSWORD,
        newPassword: 'the password chosen last',
      });
      assert.equal(changed.status, 200);
      const late = await followLink(client, link, {
        password: 'an older choice here',
        confirm: 'an older choice here',
      });
      assert.equal(late.status, 400);
      const signIn = (password: string) =>
        new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-in', { email, password });
      assert.equal((await signIn('the password chosen last')).status, 200);
    });

    it('needs a session', async () => {
      const res = await new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/auth/password/change', {
        currentPassword: PASSWORD,
        newPassword: 'a new long passphrase',
      });
      assert.equal(res.status, 401);
      assert.equal(res.body.error.code, 'not_signed_in');
    });
  });

  describe('sign-up settings', () => {
    it('refuses sign-up when it is disabled', async () => {
      const closed = await startTestServer(getDb(), { env: { ACCT_SIGN_UP_ENABLED: 'false' } });
      try {
        const res = await new TestClient(closed.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-up', {
          email: uniqueEmail(),
          password: PASSWORD,
        });
        assert.equal(res.status, 403);
        assert.equal(res.body.error.code, 'sign_up_disabled');
      } finally {
        await closed.close();
      }
    });

    it('signs in at once without email verification, and then says when an address is taken', async () => {
      const open = await startTestServer(getDb(), {
        env: { ACCT_REQUIRE_EMAIL_VERIFICATION: 'false', ACCT_SESSION_TRANSPORT: 'bearer' },
      });
      try {
        const c = new TestClient(open.url, { origin: TEST_ORIGIN });
        const email = uniqueEmail();
        const res = await c.post('/api/auth/sign-up', { email, password: PASSWORD });
        assert.equal(res.status, 200);
        assert.match(res.body.session.token, /^[\w-]{43}$/, 'bearer transport: the secret is in the body');
        assert.equal(res.headers.getSetCookie().length, 0, 'and no cookie');
        c.bearer = res.body.session.token;
        assert.equal((await c.get('/api/me')).body.user.email, email);
        const again = await c.post('/api/auth/sign-up', { email, password: PASSWORD });
        assert.equal(again.status, 409);
        assert.equal(again.body.error.code, 'email_taken');
      } finally {
        await open.close();
      }
    });
  });
});
