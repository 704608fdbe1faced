/**
 * Connected accounts through the real HTTP API on each database: the list shows the user's own
 * linked accounts only (row-level security), unlinking works, the last way to sign in is refused
 * — also when two unlinks race — and an unknown or foreign id answers 404. The rows are inserted
 * with the service connection, as the OAuth flow would link them.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';

describeOnEachDatabase('connected accounts', (getDb) => {
  let server: RunningServer;
  const knex = () => server.db.knex;

  before(async () => {
    server = await startTestServer(getDb(), {
      env: { ACCT_RATE_LIMITS: 'sign-in:ip=10000/60 sign-up:ip=1000/60 mail:ip=1000/60' },
    });
  });
  after(() => server.close());

  /** A signed-in user and their id. */
  async function user() {
    const account = await signedUpClient(server.services, server.url);
    const { id } = (await account.client.call('GET /api/me')).body.user;
    return { ...account, id };
  }

  /** Links a provider account to `userId` directly, as the OAuth flow would. */
  async function link(userId: string, provider: string, email: string | null = null): Promise<string> {
    const id = randomUUID();
    await knex()('oauth_accounts').insert({
      id,
      user_id: userId,
      provider,
      provider_user_id: randomUUID(),
      provider_email: email,
    });
    return id;
  }

  /** Leaves the user no other way to sign in: no password, an unproven address (so no magic link). */
  const withoutOtherMethods = (userId: string) =>
    knex()('auth.users').where({ id: userId }).update({ password_hash: null, email_verified_at: null });

  const remaining = async (userId: string) =>
    Number((await knex()('oauth_accounts').where({ user_id: userId }).count({ n: '*' }).first())!.n);

  it('lists the user’s own accounts, oldest first, with their other ways to sign in', async () => {
    const alice = await user();
    const bob = await user();
    const google = await link(alice.id, 'google', 'alice@gmail.example');
    const github = await link(alice.id, 'github');
    await link(bob.id, 'gitlab', 'bob@gitlab.example');
    await knex()('oauth_accounts')
      .where({ id: google })
      .update({ created_at: new Date('2026-01-01T00:00:00Z') });
    await knex()('login_history').insert({
      user_id: alice.id,
      event_type: 'login_success',
      auth_method: 'oauth_google',
      success: true,
      created_at: new Date('2026-02-01T10:00:00Z'),
    });

    const res = await alice.client.call('GET /api/connected-accounts');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.accounts.map((a) => a.id),
      [google, github],
    );
    assert.deepEqual(res.body.accounts[0], {
      id: google,
      provider: 'google',
      providerName: 'Google',
      email: 'alice@gmail.example',
      createdAt: '2026-01-01T00:00:00.000Z',
      lastUsedAt: '2026-02-01T10:00:00.000Z',
    });
    assert.equal(res.body.accounts[1]!.lastUsedAt, null);
    assert.equal(res.body.accounts[1]!.providerName, 'GitHub', 'a brand acct knows, though not configured here');
    assert.deepEqual(res.body.otherSignInMethods, ['password', 'magic_link']);
  });

  it('unlinks an account, and leaves the session signed in', async () => {
    const { client, id } = await user();
    const account = await link(id, 'google');
    const res = await client.call('DELETE /api/connected-accounts/:id', { params: { id: account } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, { unlinked: true });
    assert.equal(await remaining(id), 0);
    assert.equal((await client.call('GET /api/me')).status, 200);
  });

  it('refuses to unlink the last way to sign in, and says so in the list', async () => {
    const { client, id } = await user();
    const account = await link(id, 'google');
    await withoutOtherMethods(id);
    assert.deepEqual((await client.call('GET /api/connected-accounts')).body.otherSignInMethods, []);
    const res = await client.call('DELETE /api/connected-accounts/:id', { params: { id: account } });
    assert.equal(res.status, 409);
    assert.equal(res.error?.code, 'last_sign_in_method');
    assert.equal(await remaining(id), 1);
  });

  it('counts a password on an unproven address where the server signs such addresses in', async () => {
    const lax = await startTestServer(getDb(), {
      env: { ACCT_RATE_LIMITS: 'sign-in:ip=10000/60', ACCT_REQUIRE_EMAIL_VERIFICATION: 'false' },
    });
    try {
      const { email, password, id } = await user();
      const account = await link(id, 'google');
      await knex()('auth.users').where({ id }).update({ email_verified_at: null });
      const client = new TestClient(lax.url, { origin: TEST_ORIGIN });
      assert.equal((await client.post('/api/auth/sign-in', { email, password })).status, 200);
      assert.deepEqual((await client.call('GET /api/connected-accounts')).body.otherSignInMethods, ['password']);
      const unlinked = await client.call('DELETE /api/connected-accounts/:id', { params: { id: account } });
      assert.equal(unlinked.status, 200, JSON.stringify(unlinked.body));
    } finally {
      await lax.close();
    }
  });

  it('counts a password on an unproven address as no way to sign in, and a verified address as a magic link', async () => {
    const { client, id } = await user();
    const account = await link(id, 'google');
    await knex()('auth.users').where({ id }).update({ email_verified_at: null });
    const refused = await client.call('DELETE /api/connected-accounts/:id', { params: { id: account } });
    assert.equal(refused.status, 409);
    await knex()('auth.users').where({ id }).update({ password_hash: null, email_verified_at: new Date() });
    assert.deepEqual((await client.call('GET /api/connected-accounts')).body.otherSignInMethods, ['magic_link']);
    const unlinked = await client.call('DELETE /api/connected-accounts/:id', { params: { id: account } });
    assert.equal(unlinked.status, 200);
  });

  it('answers 404 for an unknown id, another user’s account or a malformed id', async () => {
    const alice = await user();
    const bob = await user();
    const bobs = await link(bob.id, 'github');
    for (const id of [randomUUID(), bobs, 'not-a-uuid']) {
      const res = await alice.client.call('DELETE /api/connected-accounts/:id', { params: { id } });
      assert.equal(res.status, 404, id);
      assert.equal(res.error?.code, 'not_found');
    }
    assert.equal(await remaining(bob.id), 1);
  });

  it('answers 401 when signed out', async () => {
    const anonymous = new TestClient(server.url, { origin: TEST_ORIGIN });
    assert.equal((await anonymous.call('GET /api/connected-accounts')).status, 401);
    const res = await anonymous.call('DELETE /api/connected-accounts/:id', { params: { id: randomUUID() } });
    assert.equal(res.status, 401);
  });

  it('lets at most one of two parallel unlinks of a passwordless user’s last two accounts through', async () => {
    const { client, id } = await user();
    const accounts = [await link(id, 'google'), await link(id, 'github')];
    await withoutOtherMethods(id);
    const answers = await Promise.all(
      accounts.map((account) => client.call('DELETE /api/connected-accounts/:id', { params: { id: account } })),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
    assert.equal(await remaining(id), 1);
  });

  /** A passkey row for `userId`, as a registration would store it (never used to sign in here). */
  async function passkey(userId: string): Promise<string> {
    const [row] = await knex()('passkeys')
      .insert({ user_id: userId, credential_id: Buffer.from(randomUUID()), public_key: Buffer.from('key') })
      .returning('id');
    return String(row?.id);
  }

  it('applies the same last-method rule to passkeys: a linked account keeps the last passkey removable', async () => {
    const { client, id } = await user();
    const key = await passkey(id);
    await withoutOtherMethods(id);
    const google = await link(id, 'google');
    // The passkey is the last way besides Google, and Google the last besides the passkey.
    const removed = await client.call('DELETE /api/passkeys/:id', { params: { id: key } });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    const unlinked = await client.call('DELETE /api/connected-accounts/:id', { params: { id: google } });
    assert.equal(unlinked.status, 409);
    assert.equal(unlinked.error?.code, 'last_sign_in_method');
  });

  it('refuses the last passkey of a user whose password is on an unproven address', async () => {
    const { client, id } = await user();
    const key = await passkey(id);
    await knex()('auth.users').where({ id }).update({ email_verified_at: null });
    const res = await client.call('DELETE /api/passkeys/:id', { params: { id: key } });
    assert.equal(res.status, 409);
    assert.equal(res.error?.code, 'last_sign_in_method');
    assert.equal(Number((await knex()('passkeys').where({ id: key }).count({ n: '*' }).first())!.n), 1);
  });

  it('decides a passkey removal and an unlinking at once one after the other: one of them is refused', async () => {
    const { client, id } = await user();
    const key = await passkey(id);
    await withoutOtherMethods(id);
    const google = await link(id, 'google');
    const answers = await Promise.all([
      client.call('DELETE /api/passkeys/:id', { params: { id: key } }),
      client.call('DELETE /api/connected-accounts/:id', { params: { id: google } }),
    ]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
  });
});
