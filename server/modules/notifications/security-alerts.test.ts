/**
 * Security alerts through the dispatcher, on each database, raised by the real flows over HTTP
 * (a sign-in from a new device, a password changed, a passkey added and removed, the email address
 * changed): each appears in the user's feed and is mailed exactly once, with the module's own
 * template (no generic notification mail besides) — also inside quiet hours that cover the whole
 * day, and with every channel of every security row stored off.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { followLink, latestMail, linkIn, signedUpClient, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { SoftAuthenticator } from '../../testing/soft-authenticator';
import { startTestServer } from '../../testing/test-server';
import { BUILT_IN_NOTIFICATIONS } from './catalogue';

const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const NEW_PASSWORD = 'a brand new passphrase 42';

describeOnEachDatabase('security alerts', (getDb) => {
  let server: RunningServer;
  const knex = () => server.db.knex;
  before(async () => {
    server = await startTestServer(getDb(), {
      env: { ACCT_RATE_LIMITS: 'sign-in:ip=10000/60 sign-up:ip=1000/60 mail:ip=1000/60' },
    });
  });
  after(() => server.close());

  const anonymous = (userAgent?: string) =>
    new TestClient(server.url, { origin: TEST_ORIGIN, ...(userAgent ? { userAgent } : {}) });

  /** A signed-in user in quiet hours all day, every day, with every security row stored off. */
  async function unreachableUser() {
    const account = await signedUpClient(server.services, server.url);
    const { id } = (await account.client.call('GET /api/me')).body.user;
    const quiet = await account.client.call('PUT /api/notifications/quiet-hours', {
      body: { enabled: true, start: '00:00', end: '00:00', timeZone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6] },
    });
    assert.equal(quiet.status, 200, JSON.stringify(quiet.body));
    const security = BUILT_IN_NOTIFICATIONS.filter((e) => e.category === 'security');
    assert.equal(security.length, 7);
    await knex()('notification_preferences').insert(
      security.map((e) => ({
        user_id: id,
        category: 'security',
        event_type: e.eventType,
        email_enabled: false,
        push_enabled: false,
        in_app_enabled: false,
      })),
    );
    // Sign-up's own mails (confirmation, the first device) are not what this test counts.
    await knex()('notifications').where({ user_id: id }).delete();
    return { ...account, id };
  }

  const feed = async (userId: string) =>
    (await knex()('notifications').where({ user_id: userId }).orderBy('created_at')).map((n) => ({
      eventType: n.event_type as string,
      category: n.category as string,
      title: n.title as string,
    }));
  const mailsTo = async (address: string) =>
    (await knex()('mail_queue').where({ to_address: address.toLowerCase() })).map((m) => ({
      id: m.id as string,
      template: m.template as string,
      subject: m.subject as string,
    }));
  const held = async (userId: string) =>
    Number((await knex()('notification_outbox').where({ user_id: userId }).count({ n: '*' }).first())!.n);

  /** Checks that `eventType` is the feed's newest, titled as the one mail of `template` to `address` not in `before`. */
  async function deliveredOnce(
    userId: string,
    eventType: string,
    address: string,
    template: string,
    before: { id: string }[],
  ) {
    const newest = (await feed(userId)).at(-1);
    assert.equal(newest?.eventType, eventType, `${eventType} in the feed`);
    assert.equal(newest.category, 'security');
    const seen = new Set(before.map((m) => m.id));
    const mails = (await mailsTo(address)).filter((m) => !seen.has(m.id));
    assert.deepEqual(
      mails.map((m) => m.template),
      [template],
      `${eventType}: mailed once, with its own template`,
    );
    assert.equal(mails[0]!.subject, newest.title, 'the feed says what the mail says');
  }

  it('a sign-in from a new device, a password change: in the feed and mailed once, whatever the time and preferences', async () => {
    const { id, email, password, client } = await unreachableUser();
    let before = await mailsTo(email);
    const signIn = await anonymous(SAFARI_IPHONE).post('/api/auth/sign-in', { email, password });
    assert.equal(signIn.status, 200, JSON.stringify(signIn.body));
    await deliveredOnce(id, 'new_sign_in', email, 'newDevice', before);

    before = await mailsTo(email);
    const changed = await client.call('POST /api/auth/password/change', {
      body: { currentPassword: password, newPassword: NEW_PASSWORD },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    await deliveredOnce(id, 'password_changed', email, 'passwordChanged', before);
    assert.equal(await held(id), 0, 'nothing held for the end of quiet hours');
  });

  it('a passkey added and removed: in the feed and mailed once each', async () => {
    const { id, email, client } = await unreachableUser();
    let before = await mailsTo(email);
    const options = (await client.post('/api/passkeys/register/options')).body;
    const added = await client.post('/api/passkeys/register/verify', {
      response: new SoftAuthenticator().register(options),
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    await deliveredOnce(id, 'passkey_added', email, 'newPasskey', before);

    before = await mailsTo(email);
    const removed = await client.delete(`/api/passkeys/${added.body.passkey.id}`);
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    await deliveredOnce(id, 'passkey_removed', email, 'passkeyRemoved', before);
    assert.equal(await held(id), 0);
  });

  it('the email changed: in the feed, and mailed once to the OLD address with the undo link', async () => {
    const { id, email, client } = await unreachableUser();
    const to = uniqueEmail('new');
    const asked = await client.call('POST /api/me/email', { body: { email: to } });
    assert.equal(asked.status, 202);
    const link = linkIn(await latestMail(server.services, to, 'emailChangeConfirm'));
    const before = await mailsTo(email);
    assert.equal((await followLink(anonymous(), link)).status, 200);
    await deliveredOnce(id, 'email_changed', email, 'emailChanged', before);
    assert.ok(
      linkIn(await latestMail(server.services, email, 'emailChanged')).pathname.endsWith('/auth/undo-email-change'),
    );
    assert.deepEqual(
      (await mailsTo(to)).map((m) => m.template),
      ['emailChangeConfirm'],
      'nothing more to the new address',
    );
    assert.equal(await held(id), 0);
  });
});
