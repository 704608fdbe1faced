/** `PATCH /api/me` on each database: the profile fields, the mail language, their validation, and the checklist event. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { signedUpClient } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';

describeOnEachDatabase('profile', (getDb) => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer(getDb());
  });
  after(() => server.close());

  it('changes the name, photo and bio, clears them, and ticks customize_profile once both are set', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    const named = await client.call('PATCH /api/me', { body: { displayName: 'Ada Lovelace' } });
    assert.deepEqual(
      [named.status, named.body.user.displayName, named.body.user.avatarUrl],
      [200, 'Ada Lovelace', null],
    );
    const full = await client.call('PATCH /api/me', {
      body: { avatarUrl: 'https://example.test/ada.png', bio: 'Analyst' },
    });
    assert.deepEqual([full.body.user.avatarUrl, full.body.user.bio], ['https://example.test/ada.png', 'Analyst']);
    assert.equal((await client.call('GET /api/me')).body.user.bio, 'Analyst', 'the session check reads it too');
    const ticked = (await client.get('/api/checklist')).body.items.find(
      (i: { key: string }) => i.key === 'customize_profile',
    );
    assert.equal(ticked.completed, true);
    const cleared = await client.call('PATCH /api/me', { body: { avatarUrl: null, bio: '' } });
    assert.deepEqual(
      [cleared.body.user.avatarUrl, cleared.body.user.bio, cleared.body.user.displayName],
      [null, null, 'Ada Lovelace'],
    );
  });

  it('refuses bad values and fields it does not own, changing nothing', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    for (const [body, field] of [
      [{ displayName: '' }, 'displayName'],
      [{ avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
      [{ bio: 'x'.repeat(501) }, 'bio'],
      [{ email: 'new@example.test' }, 'email'],
      [{ role: 'admin' }, 'role'],
    ] as const) {
      const res = await client.request('PATCH', '/api/me', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.ok(res.body.error.fields[field], JSON.stringify(res.body.error));
    }
    const me = (await client.get('/api/me')).body.user;
    assert.deepEqual([me.role, me.displayName], ['user', null]);
    assert.equal(
      (await new TestClient(server.url, { origin: TEST_ORIGIN }).request('PATCH', '/api/me', { bio: 'x' })).status,
      401,
    );
  });

  it('sets the language of the user’s mail to one acct speaks, and clears it', async () => {
    const { client } = await signedUpClient(server.services, server.url);
    assert.equal((await client.call('GET /api/me')).body.user.locale, null);
    const french = await client.call('PATCH /api/me', { body: { locale: 'fr' } });
    assert.deepEqual([french.status, french.body.user.locale], [200, 'fr']);
    assert.equal((await client.call('GET /api/me')).body.user.locale, 'fr', 'the session check reads it too');
    // A regional tag is stored as the language acct speaks.
    assert.equal((await client.call('PATCH /api/me', { body: { locale: 'en-GB' } })).body.user.locale, 'en');
    const cleared = await client.call('PATCH /api/me', { body: { locale: null, bio: 'Stage manager' } });
    assert.deepEqual([cleared.body.user.locale, cleared.body.user.displayName], [null, null]);
  });

  it('refuses a language acct does not speak with 400 unsupported_language, changing nothing', async () => {
    const { client, email } = await signedUpClient(server.services, server.url);
    await client.request('PATCH', '/api/me', { locale: 'fr' });
    for (const locale of ['pt', 'klingon', '', 'x'.repeat(5000), 42, ['fr'], { fr: true }]) {
      const res = await client.request('PATCH', '/api/me', { locale });
      assert.equal(res.status, 400, JSON.stringify(locale));
      assert.deepEqual(
        [res.body.error.code, res.body.error.fields],
        ['invalid_request', { locale: 'unsupported_language' }],
      );
    }
    assert.equal((await server.db.knex('auth.users').where({ email }).first('locale'))?.locale, 'fr');
  });
});
