/**
 * The email change through the real HTTP API and its hosted pages, on each database: confirm,
 * undo within and after 72 hours, the recent sign-in it needs (F3), an address that already has an
 * account (same answer, a different mail), two accounts confirming one address at once, tampered,
 * used and expired links (B3), sessions kept on change and ended on undo, and login history.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { followLink, latestMail, linkIn, signedUpClient, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { drainMailQueue } from '../../testing/mail';
import { startTestServer } from '../../testing/test-server';

describeOnEachDatabase('email change', (getDb) => {
  let server: RunningServer;
  const knex = () => server.db.knex;
  before(async () => {
    server = await startTestServer(getDb(), {
      env: { ACCT_RATE_LIMITS: 'sign-in:ip=10000/60 sign-up:ip=1000/60 mail:ip=1000/60' },
    });
  });
  after(() => server.close());

  const signedIn = async () => {
    const account = await signedUpClient(server.services, server.url);
    const { id } = (await account.client.call('GET /api/me')).body.user;
    return { ...account, id };
  };
  type Account = Awaited<ReturnType<typeof signedIn>>;

  /** Asks for the change and returns the confirmation link mailed to `to`. */
  async function askFor(account: Account, to: string): Promise<URL> {
    const res = await account.client.call('POST /api/me/email', { body: { email: to } });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.deepEqual(res.body, { status: 'confirmation_sent', email: to });
    return linkIn(await latestMail(server.services, to, 'emailChangeConfirm'));
  }

  const anonymous = () => new TestClient(server.url, { origin: TEST_ORIGIN });
  const history = async (userId: string) =>
    (await knex()('login_history').where({ user_id: userId }).orderBy('created_at', 'asc')).map((r) => r.event_type);

  it('confirms through the new address: the address changes and is proven, the session stays, the old address is told', async () => {
    const account = await signedIn();
    const to = uniqueEmail('new');
    const link = await askFor(account, to);
    assert.equal((await knex()('auth.users').where({ id: account.id }).first())!.email, account.email);

    const page = await anonymous().get(`${link.pathname}${link.search}`);
    assert.equal(page.status, 200);
    assert.match(String(page.body), new RegExp(to.replace(/[.]/g, '\\.')));
    const confirmed = await followLink(anonymous(), link);
    assert.equal(confirmed.status, 200, confirmed.text);

    const me = await account.client.call('GET /api/me');
    assert.equal(me.status, 200, 'the session that asked is still signed in');
    assert.deepEqual([me.body.user.email, me.body.user.emailVerified], [to, true]);
    const notice = await latestMail(server.services, account.email, 'emailChanged');
    assert.match(notice.text, new RegExp(to.replace(/[.]/g, '\\.')));
    assert.ok(linkIn(notice).pathname.endsWith('/auth/undo-email-change'));
    assert.deepEqual((await history(account.id)).slice(-1), ['email_changed']);

    const again = await followLink(anonymous(), link);
    assert.equal(again.status, 400, 'a link works once (B1, B3)');
    const signIn = await anonymous().post('/api/auth/sign-in', { email: to, password: account.password });
    assert.equal(signIn.status, 200, JSON.stringify(signIn.body));
  });

  it('undo within 72 hours gives the old address back and ends every session; after 72 hours it is refused', async () => {
    const account = await signedIn();
    await followLink(anonymous(), await askFor(account, uniqueEmail('new')));
    const undo = linkIn(await latestMail(server.services, account.email, 'emailChanged'));
    const undone = await followLink(anonymous(), undo);
    assert.equal(undone.status, 200, undone.text);
    assert.equal((await account.client.call('GET /api/me')).status, 401, 'every session ended');
    const row = (await knex()('auth.users').where({ id: account.id }).first())!;
    assert.equal(row.email, account.email);
    assert.ok(row.email_verified_at);
    assert.deepEqual((await history(account.id)).slice(-2), ['email_changed', 'email_change_undone']);

    const later = await signedUpClient(server.services, server.url);
    const laterId = (await later.client.call('GET /api/me')).body.user.id;
    await followLink(anonymous(), await askFor({ ...later, id: laterId }, uniqueEmail('new')));
    const oldUndo = linkIn(await latestMail(server.services, later.email, 'emailChanged'));
    await knex()('auth.one_time_tokens')
      .where({ user_id: laterId, purpose: 'email_change_undo' })
      .update({ expires_at: knex().raw(`now() - interval '1 second'`) });
    assert.equal((await followLink(anonymous(), oldUndo)).status, 400);
    assert.equal((await later.client.call('GET /api/me')).status, 200);
  });

  it('an account made with the old address since the change cannot block the undo, unless it proved the address', async () => {
    // The attack: with a stolen session, change the address to one's own, then sign the freed old
    // address up (no proof needed to create the account) so that the owner's undo finds it taken.
    const account = await signedIn();
    await followLink(anonymous(), await askFor(account, uniqueEmail('attacker')));
    const undo = linkIn(await latestMail(server.services, account.email, 'emailChanged'));
    const squat = await anonymous().post('/api/auth/sign-up', {
      email: account.email,
      password: 'the attacker’s own passphrase',
    });
    assert.equal(squat.status, 202);
    await server.services.detached.idle(); // the sign-up writes its account after answering (A5)
    const squatter = await knex()('auth.users').whereRaw('lower(email) = lower(?)', [account.email]).first();
    assert.ok(squatter && squatter.id !== account.id && !squatter.email_verified_at, 'the sign-up made its account');
    const confirmSquat = linkIn(await latestMail(server.services, account.email, 'verifyEmail'));

    const undone = await followLink(anonymous(), undo);
    assert.equal(undone.status, 200, undone.text);
    const row = (await knex()('auth.users').where({ id: account.id }).first())!;
    assert.equal(row.email.toLowerCase(), account.email.toLowerCase(), 'the owner has the address back');
    assert.equal(await knex()('auth.users').where({ id: squatter.id }).first(), undefined, 'the placeholder is gone');
    assert.equal((await followLink(anonymous(), confirmSquat)).status, 400, 'its confirmation link died with it');

    // Made since the change and used since — a password set where addresses need no proof, an
    // organization of its own — it still yields: nobody has proven the address for it. Its
    // organization goes to its other member, as when an account is deleted.
    const other = await signedIn();
    await followLink(anonymous(), await askFor(other, uniqueEmail('attacker')));
    const otherUndo = linkIn(await latestMail(server.services, other.email, 'emailChanged'));
    await anonymous().post('/api/auth/sign-up', { email: other.email, password: 'the attacker’s own passphrase' });
    await server.services.detached.idle();
    const used = (await knex()('auth.users').whereRaw('lower(email) = lower(?)', [other.email]).first())!;
    await knex()('auth.users').where({ id: used.id }).update({ password_hash: 'set where no proof was asked' });
    const crew = await signedIn();
    const [org] = await knex()('organizations')
      .insert({ name: 'Kept', slug: `kept-${Date.now()}` })
      .returning('id');
    await knex()('organization_members').insert([
      { organization_id: org!.id, user_id: used.id, role: 'owner' },
      { organization_id: org!.id, user_id: crew.id, role: 'member' },
    ]);
    const restored = await followLink(anonymous(), otherUndo);
    assert.equal(restored.status, 200, restored.text);
    assert.equal(await knex()('auth.users').where({ id: used.id }).first(), undefined, 'the squatter is gone');
    assert.deepEqual(
      await knex()('organization_members').where({ organization_id: org!.id }).select('user_id', 'role'),
      [{ user_id: crew.id, role: 'owner' }],
    );

    // An account whose owner proved the address since (its confirmation link, which went to that
    // address) is the address's owner's: the undo does not take it, and answers email_in_use.
    const third = await signedIn();
    await followLink(anonymous(), await askFor(third, uniqueEmail('attacker')));
    const thirdUndo = linkIn(await latestMail(server.services, third.email, 'emailChanged'));
    await anonymous().post('/api/auth/sign-up', { email: third.email, password: 'a passphrase of their own' });
    await server.services.detached.idle();
    const confirmed = await followLink(
      anonymous(),
      linkIn(await latestMail(server.services, third.email, 'verifyEmail')),
    );
    assert.ok(confirmed.status < 400, confirmed.text);
    const proven = (await knex()('auth.users').whereRaw('lower(email) = lower(?)', [third.email]).first())!;
    assert.ok(proven.email_verified_at && proven.id !== third.id);
    const refused = await followLink(anonymous(), thirdUndo);
    assert.equal(refused.status, 409);
    assert.match(refused.text, /email_in_use/);
    assert.ok(await knex()('auth.users').where({ id: proven.id }).first());
  });

  it('a second change does not take the first one’s undo away, and the first undo retires the later one', async () => {
    const account = await signedIn();
    const first = uniqueEmail('first');
    await followLink(anonymous(), await askFor(account, first));
    const undoToOriginal = linkIn(await latestMail(server.services, account.email, 'emailChanged'));
    await followLink(anonymous(), await askFor(account, uniqueEmail('second')));
    const undoToFirst = linkIn(await latestMail(server.services, first, 'emailChanged'));
    assert.equal((await followLink(anonymous(), undoToOriginal)).status, 200);
    assert.equal((await knex()('auth.users').where({ id: account.id }).first())!.email, account.email);
    assert.equal((await followLink(anonymous(), undoToFirst)).status, 400);
  });

  it('needs a sign-in younger than ten minutes (F3), and a different address', async () => {
    const account = await signedIn();
    const same = await account.client.call('POST /api/me/email', { body: { email: account.email.toUpperCase() } });
    assert.deepEqual([same.status, same.error?.code], [400, 'email_unchanged']);
    const id = (await account.client.call('GET /api/me')).body.session.id;
    await knex()('user_sessions')
      .where({ id })
      .update({ created_at: knex().raw(`now() - interval '11 minutes'`) });
    const res = await account.client.call('POST /api/me/email', { body: { email: uniqueEmail() } });
    assert.deepEqual([res.status, res.error?.code], [403, 'reauthentication_required']);
    assert.equal((await anonymous().call('POST /api/me/email', { body: { email: uniqueEmail() } })).status, 401);
  });

  it('an address with an account: the same answer, and that address is told instead of sent a link', async () => {
    const account = await signedIn();
    const other = await signedIn();
    const res = await account.client.call('POST /api/me/email', { body: { email: other.email } });
    assert.deepEqual([res.status, res.body], [202, { status: 'confirmation_sent', email: other.email }]);
    await latestMail(server.services, other.email, 'emailChangeTaken');
    // The pending change shows alike (no enumeration); its link went nowhere, so nobody can confirm it.
    const pending = await account.client.call('GET /api/me/email');
    assert.equal(pending.body.pending?.email, other.email);
  });

  it('shows the change waiting for confirmation with its expiry, and cancels it: its link then fails', async () => {
    const account = await signedIn();
    assert.deepEqual((await account.client.call('GET /api/me/email')).body, { pending: null });
    const to = uniqueEmail('pending');
    const link = await askFor(account, to);
    const { pending } = (await account.client.call('GET /api/me/email')).body;
    assert.equal(pending?.email, to);
    const hours = (Date.parse(pending!.expiresAt) - Date.now()) / 3_600_000;
    assert.ok(hours > 23 && hours <= 24, `expires in ${hours} hours`);
    const other = await signedIn();
    assert.deepEqual(
      (await other.client.call('GET /api/me/email')).body,
      { pending: null },
      'another user’s is not shown',
    );

    assert.deepEqual((await account.client.call('DELETE /api/me/email')).body, { cancelled: true });
    assert.deepEqual((await account.client.call('GET /api/me/email')).body, { pending: null });
    assert.deepEqual((await account.client.call('DELETE /api/me/email')).body, { cancelled: false });
    assert.equal((await followLink(anonymous(), link)).status, 400, 'the cancelled link fails');
    assert.equal((await knex()('auth.users').where({ id: account.id }).first())!.email, account.email);
    assert.equal((await anonymous().call('GET /api/me/email')).status, 401);
  });

  it('two accounts confirming the same address at once: one wins, the other gets 409 email_in_use', async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const contested = uniqueEmail('contested');
    await alice.client.call('POST /api/me/email', { body: { email: contested } });
    await drainMailQueue(server.services);
    const aliceLink = linkIn((await server.services.mail.outbox(500)).find((m) => m.to === contested)!);
    await bob.client.call('POST /api/me/email', { body: { email: contested } });
    await drainMailQueue(server.services);
    const bobLink = linkIn(
      (await server.services.mail.outbox(500)).find((m) => m.to === contested && !m.text.includes(aliceLink.href))!,
    );
    assert.notEqual(aliceLink.href, bobLink.href);
    const results = await Promise.all([followLink(anonymous(), aliceLink), followLink(anonymous(), bobLink)]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    assert.match(results.find((r) => r.status === 409)!.text, /email_in_use/);
    const owners = await knex()('auth.users').whereRaw('lower(email) = ?', [contested]);
    assert.equal(owners.length, 1);
  });

  it('refuses tampered, unknown and expired links with the one invalid-link page (B3)', async () => {
    const account = await signedIn();
    const link = await askFor(account, uniqueEmail('new'));
    const token = link.searchParams.get('token')!;
    const tampered = new URL(link);
    tampered.searchParams.set('token', token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA'));
    assert.equal((await followLink(anonymous(), tampered)).status, 400);
    assert.equal((await anonymous().get(`${tampered.pathname}${tampered.search}`)).status, 400);
    await knex()('auth.one_time_tokens')
      .where({ user_id: account.id, purpose: 'email_change' })
      .update({ expires_at: knex().raw(`now() - interval '1 second'`) });
    assert.equal((await followLink(anonymous(), link)).status, 400);
    assert.equal((await knex()('auth.users').where({ id: account.id }).first())!.email, account.email);
  });
});
