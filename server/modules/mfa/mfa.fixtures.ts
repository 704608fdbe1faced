/**
 * Test fixtures for the second factor: an account with a confirmed authenticator (its secret and
 * recovery codes, as the enrolling user saw them), codes computed from the secret as an app would,
 * and a password sign-in from a fresh browser.
 */
import assert from 'node:assert/strict';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { totpCodeAt } from './totp';

export interface MfaUser {
  client: TestClient;
  email: string;
  password: string;
  userId: string;
  secret: string;
  recoveryCodes: string[];
}

/** Turns the authenticator on for the signed-in `client`, as the user would: its secret and recovery codes. */
export async function enrol(client: TestClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const enrolment = await client.call('POST /api/mfa/totp/enrol');
  assert.equal(enrolment.status, 200, JSON.stringify(enrolment.body));
  const { secret } = enrolment.body;
  const confirmed = await client.call('POST /api/mfa/totp/confirm', { body: { code: totpCodeAt(secret) } });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  return { secret, recoveryCodes: confirmed.body.recoveryCodes };
}

/** A signed-up account that has just turned its authenticator on. */
export async function mfaUser(server: RunningServer): Promise<MfaUser> {
  const account = await signedUpClient(server.services, server.url);
  const enrolled = await enrol(account.client);
  const user = await server.db.knex('auth.users').where({ email: account.email }).first('id');
  return { ...account, userId: user!.id as string, ...enrolled };
}

/**
 * A code the server will take now: each step's code is accepted once, and tests sign in several
 * times within one 30-second step, so the set-up forgets the last used step first (straight in
 * the table) — the replay tests do not call this between their attempts.
 */
export async function usableCode(server: RunningServer, user: Pick<MfaUser, 'userId' | 'secret'>): Promise<string> {
  await server.db.knex('auth.mfa_totp').where({ user_id: user.userId }).update({ last_used_step: null });
  return totpCodeAt(user.secret);
}

/** Signs in with the password from a fresh browser; the answer and the browser. */
export async function passwordSignIn(server: RunningServer, user: Pick<MfaUser, 'email' | 'password'>) {
  const client = new TestClient(server.url, { origin: TEST_ORIGIN });
  const res = await client.call('POST /api/auth/sign-in', { body: { email: user.email, password: user.password } });
  return { client, res };
}

/** The number of sessions of a user. */
export async function sessionsOf(server: RunningServer, userId: string): Promise<number> {
  const row = await server.db.knex('user_sessions').where({ user_id: userId }).count({ n: '*' }).first();
  return Number(row!.n);
}

/** A password sign-in that must stop at the second factor: the browser and its pending sign-in. */
export async function pendingSignIn(server: RunningServer, user: Pick<MfaUser, 'email' | 'password'>) {
  const { client, res } = await passwordSignIn(server, user);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.ok('mfaToken' in res.body, `no second step: ${JSON.stringify(res.body)}`);
  return { client, mfaToken: res.body.mfaToken, answer: res.body };
}
