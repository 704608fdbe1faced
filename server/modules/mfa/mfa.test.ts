/**
 * The second factor through the HTTP API on each database: enrolment (QR code, text key, a secret
 * sealed at rest, nothing on before the first code, a recent sign-in required), each code
 * accepted once — also under parallel requests — and rate-limited, recovery codes single use
 * (ten parallel uses of one code: exactly one success), regenerated and mailed about, turning it
 * off, and the re-authentication method the step-up dialog plugs in (docs/security.md M1–M4).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { latestMail, signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { startTestServer } from '../../testing/test-server';
import { mfaUser, passwordSignIn, pendingSignIn, usableCode } from './mfa.fixtures';
import { totpReauthMethod } from './reauth-method';
import { totpCodeAt } from './totp';

describeOnEachDatabase('second factor: enrolment and codes', (getDb) => {
  let server: RunningServer;
  const knex = () => server.db.knex;

  /** The default code limits. */
  let strict: RunningServer;
  const LIMITS = 'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60';

  before(async () => {
    // Generous code limits, so that tests of many codes are not cut short by them.
    server = await startTestServer(getDb(), {
      env: { ACCT_RATE_LIMITS: `${LIMITS} mfa-code:ip=1000/60 mfa-code:account=1000/60` },
    });
    strict = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: LIMITS } });
  });
  after(async () => {
    await strict.close();
    await server.close();
  });

  it('enrols with a QR code and a text key, sealed at rest, on only after a first right code (M1)', async () => {
    const { client, email } = await signedUpClient(server.services, server.url);
    const enrolment = await client.call('POST /api/mfa/totp/enrol');
    assert.equal(enrolment.status, 200);
    const { secret, uri, qrSvg } = enrolment.body;
    assert.equal(new URL(uri).searchParams.get('secret'), secret);
    assert.match(decodeURIComponent(uri), new RegExp(email.replace(/[.+]/g, '\\$&')));
    assert.match(qrSvg, /^<svg/);
    const row = await knex()('auth.mfa_totp')
      .join('auth.users', 'auth.users.id', 'auth.mfa_totp.user_id')
      .where({ email })
      .first();
    assert.ok(!JSON.stringify(row).includes(secret), 'the secret is stored sealed only');
    assert.match(row.secret_sealed, /^v1\./);
    assert.deepEqual((await client.call('GET /api/mfa')).body, {
      enabled: false,
      enabledAt: null,
      recoveryCodesRemaining: 0,
    });

    const wrong = await client.call('POST /api/mfa/totp/confirm', {
      body: { code: totpCodeAt(secret, Date.now() - 300_000) },
    });
    assert.deepEqual([wrong.status, wrong.error?.code], [400, 'invalid_mfa_code']);
    const malformed = await client.call('POST /api/mfa/totp/confirm', { body: { code: '12ab' } });
    assert.equal(malformed.status, 400);
    const right = await client.call('POST /api/mfa/totp/confirm', { body: { code: totpCodeAt(secret) } });
    assert.equal(right.status, 200, JSON.stringify(right.body));
    assert.equal(right.body.enabled, true);
    assert.equal(right.body.recoveryCodes.length, 10);
    assert.equal(right.body.recoveryCodesRemaining, 10);
    assert.equal((await latestMail(server.services, email, 'mfaChanged')).template, 'mfaChanged');

    const again = await client.call('POST /api/mfa/totp/enrol');
    assert.deepEqual([again.status, again.error?.code], [409, 'mfa_already_enabled']);
  });

  it('needs a recent sign-in to enrol, regenerate codes or turn the second factor off', async () => {
    const user = await mfaUser(server);
    await knex()('user_sessions')
      .where({ user_id: user.userId })
      .update({ created_at: knex().raw(`now() - interval '11 minutes'`) });
    for (const route of [
      'POST /api/mfa/totp/enrol',
      'POST /api/mfa/recovery-codes',
      'POST /api/mfa/disable',
    ] as const) {
      const res = await user.client.call(route);
      assert.deepEqual([res.status, res.error?.code], [403, 'reauthentication_required'], route);
    }
    assert.equal((await user.client.call('GET /api/mfa')).body.enabled, true);
  });

  it('accepts a code once: a replay, or an older step after a newer one, is refused (M2)', async () => {
    const user = await mfaUser(server);
    // The enrolment used the current step: its code is spent already.
    assert.equal(await totpReauthMethod.verify(server.services, user.userId, { code: totpCodeAt(user.secret) }), false);
    const next = totpCodeAt(user.secret, Date.now() + 30_000);
    assert.equal(await totpReauthMethod.verify(server.services, user.userId, { code: next }), true);
    assert.equal(await totpReauthMethod.verify(server.services, user.userId, { code: next }), false, 'replayed');
    const previous = totpCodeAt(user.secret, Date.now() - 30_000);
    assert.equal(await totpReauthMethod.verify(server.services, user.userId, { code: previous }), false, 'older step');
  });

  it('gives one success to ten parallel uses of one code (M2)', async () => {
    const user = await mfaUser(server);
    const code = await usableCode(server, user);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => totpReauthMethod.verify(server.services, user.userId, { code })),
    );
    assert.equal(results.filter(Boolean).length, 1);
  });

  it('rate-limits codes per account: the sixth try in a row is 429, right code or not (M3)', async () => {
    const user = await mfaUser(strict);
    // The enrolment's own code spent a token: start from a full bucket.
    await strict.db.knex('rate_limit_buckets').where({ identifier: user.userId }).delete();
    const tryCode = async (code: string) => {
      const { client, mfaToken } = await pendingSignIn(strict, user);
      return (await client.call('POST /api/auth/mfa/verify', { body: { mfaToken, code } })).status;
    };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await tryCode('000000'));
    assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429]);
    assert.equal(await tryCode(await usableCode(strict, user)), 429);
  });

  it('uses a recovery code once: ten parallel uses, exactly one success, and a mail (M4)', async () => {
    const user = await mfaUser(server);
    const [code] = user.recoveryCodes as [string];
    const results = await Promise.all(
      Array.from({ length: 10 }, () => totpReauthMethod.verify(server.services, user.userId, { code })),
    );
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal((await user.client.call('GET /api/mfa')).body.recoveryCodesRemaining, 9);
    const mail = await latestMail(server.services, user.email, 'recoveryCodeUsed');
    assert.match(mail.text, /9 recovery codes are left/);
    assert.doesNotMatch(mail.text, /Few codes are left/);
  });

  it('warns by mail when two or fewer recovery codes are left', async () => {
    const user = await mfaUser(server);
    for (const code of user.recoveryCodes.slice(0, 8)) {
      assert.equal(await totpReauthMethod.verify(server.services, user.userId, { code: code.toUpperCase() }), true);
    }
    const mail = await latestMail(server.services, user.email, 'recoveryCodeUsed');
    assert.match(mail.text, /2 recovery codes are left/);
    assert.match(mail.text, /Few codes are left/);
  });

  it('regenerates the recovery codes: the old set stops working, the new one works', async () => {
    const user = await mfaUser(server);
    const fresh = await user.client.call('POST /api/mfa/recovery-codes');
    assert.equal(fresh.status, 200);
    assert.equal(fresh.body.recoveryCodes.length, 10);
    assert.equal(await totpReauthMethod.verify(server.services, user.userId, { code: user.recoveryCodes[0]! }), false);
    assert.equal(
      await totpReauthMethod.verify(server.services, user.userId, { code: fresh.body.recoveryCodes[0]! }),
      true,
    );
    const stored = await knex()('auth.mfa_recovery_codes').where({ user_id: user.userId });
    assert.equal(stored.length, 10);
    assert.ok(!JSON.stringify(stored).includes(fresh.body.recoveryCodes[1]!.replace('-', '')), 'stored hashed');
  });

  it('turns the second factor off: codes and recovery codes stop working, sign-in is one step again', async () => {
    const user = await mfaUser(server);
    assert.equal(await totpReauthMethod.available(server.services, user.userId), true);
    const off = await user.client.call('POST /api/mfa/disable');
    assert.deepEqual(off.body, { enabled: false, enabledAt: null, recoveryCodesRemaining: 0 });
    assert.equal(await totpReauthMethod.available(server.services, user.userId), false);
    assert.equal(await totpReauthMethod.verify(server.services, user.userId, { code: user.recoveryCodes[0]! }), false);
    const { res } = await passwordSignIn(server, user);
    assert.equal(res.status, 200);
    assert.ok('session' in res.body);
    const twice = await user.client.call('POST /api/mfa/disable');
    assert.deepEqual([twice.status, twice.error?.code], [409, 'mfa_not_enabled']);
  });

  it('ends a pending sign-in when the password is changed: its second step makes no session after that (C3)', async () => {
    const user = await mfaUser(server);
    const { client, mfaToken } = await pendingSignIn(server, user);
    const changed = await user.client.call('POST /api/auth/password/change', {
      body: { currentPassword: user.password, newPassword: 'a brand new passphrase' },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const code = await usableCode(server, user);
    const late = await client.call('POST /api/auth/mfa/verify', { body: { mfaToken, code } });
    assert.deepEqual([late.status, late.error?.code], [400, 'mfa_challenge_expired']);
    assert.equal((await client.get('/api/me')).status, 401);
  });

  it('offers the re-authentication method only to users with an authenticator, and checks its proof', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    const me = (await client.call('GET /api/me')).body.user;
    assert.equal(await totpReauthMethod.available(server.services, me.id), false);
    assert.equal(await totpReauthMethod.verify(server.services, me.id, { code: '123456' }), false);
    assert.equal(totpReauthMethod.method, 'totp');
    assert.equal(totpReauthMethod.body.safeParse({ code: 'x'.repeat(65) }).success, false);
    const user = await mfaUser(server);
    assert.equal(await totpReauthMethod.verify(server.services, user.userId, { code: 'not a code' }), false);
    assert.equal(
      await totpReauthMethod.verify(server.services, user.userId, { code: await usableCode(server, user) }),
      true,
    );
  });
});
