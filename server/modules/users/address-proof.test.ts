/**
 * The pre-account takeover (issue 8), attacked on every path that proves an address, through the
 * real HTTP API on each database: an attacker signs up with the victim's address and a password of
 * their own; later the victim proves the address — by signing up themselves and confirming, by a
 * magic link, by a password reset, by an invitation — and the attacker's password must not sign in
 * afterwards. With ACCT_REQUIRE_EMAIL_VERIFICATION=false, where the attacker's account is usable at
 * once, the proof also ends the attacker's sessions and removes the passkey they added.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../start';
import { exchange, followLink, latestMail, linkIn, signedUpClient, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { SoftAuthenticator } from '../../testing/soft-authenticator';
import { startTestServer } from '../../testing/test-server';

const ATTACKER_PASSWORD = 'the attacker chose this one';
const VICTIM_PASSWORD = 'the owner of the mailbox chose this';
const LIMITS = {
  ACCT_RATE_LIMITS:
    'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60 mail:address=1000/60 magic-link:address=1000/60 sign-in:account=1000/60',
};

describeOnEachDatabase('proving an address (pre-account takeover)', (getDb) => {
  let server: RunningServer;
  const browser = () => new TestClient(server.url, { origin: TEST_ORIGIN });
  const signIn = (email: string, password: string) => browser().post('/api/auth/sign-in', { email, password });
  const account = (email: string) => server.db.knex('auth.users').where({ email }).first();

  /** The attacker registers the victim's address first; returns the attacker's browser. */
  async function attackerSignsUp(email: string): Promise<TestClient> {
    const attacker = browser();
    const res = await attacker.post('/api/auth/sign-up', {
      email,
      password: ATTACKER_PASSWORD,
      displayName: 'Attacker',
      browserKey: attacker.browserKey,
    });
    assert.equal(res.status, 202);
    await server.services.detached.idle();
    // Unconfirmed, the attacker cannot sign in, but can make acct mail the victim again.
    assert.equal((await signIn(email, ATTACKER_PASSWORD)).body.error.code, 'email_not_verified');
    return attacker;
  }

  before(async () => {
    server = await startTestServer(getDb(), { env: LIMITS });
  });
  after(() => server.close());

  it('sign-up confirmation: the owner signs up too and confirms; only the owner’s password and name work', async () => {
    const email = uniqueEmail('victim');
    const attacker = await attackerSignsUp(email);
    const attackersLink = linkIn(await latestMail(server.services, email, 'verifyEmail'));

    const victim = browser();
    const body = {
      email,
      password: VICTIM_PASSWORD,
      displayName: 'Victoria',
      redirectUrl: `${TEST_ORIGIN}/welcome`,
      browserKey: victim.browserKey,
    };
    assert.equal((await victim.post('/api/auth/sign-up', body)).status, 202);
    const victimsLink = linkIn(await latestMail(server.services, email, 'verifyEmail'));
    assert.notEqual(victimsLink.href, attackersLink.href);
    // The newer sign-up replaced the attacker's: the attacker's link is dead.
    assert.equal((await followLink(victim, attackersLink)).status, 400);

    const confirmed = await followLink(victim, victimsLink);
    assert.equal(confirmed.status, 303);
    assert.equal((await exchange(victim, confirmed.location)).body.status, 'signed_in');
    assert.equal((await signIn(email, ATTACKER_PASSWORD)).status, 401, 'the attacker’s password is gone');
    assert.equal((await signIn(email, VICTIM_PASSWORD)).status, 200);
    assert.equal((await account(email))!.display_name, 'Victoria');
    // Nor can the attacker's browser pick anything up.
    assert.equal((await attacker.get('/api/me')).status, 401);
  });

  it('magic link: the owner signs in by link; the attacker’s password no longer exists', async () => {
    const email = uniqueEmail('victim');
    await attackerSignsUp(email);
    const victim = browser();
    assert.equal((await victim.post('/api/auth/magic-link', { email, browserKey: victim.browserKey })).status, 202);
    const continued = await followLink(victim, linkIn(await latestMail(server.services, email, 'magicLink')));
    assert.equal((await exchange(victim, continued.location)).body.status, 'signed_in');

    const proven = (await account(email))!;
    assert.ok(proven.email_verified_at);
    assert.equal(proven.password_hash, null, 'no password: the owner never chose one');
    assert.equal(proven.display_name, null, 'nor the attacker’s name');
    assert.equal((await signIn(email, ATTACKER_PASSWORD)).status, 401);
    // The attacker's confirmation link, still in the mailbox, died with the proof.
    assert.equal(
      (await followLink(victim, linkIn(await latestMail(server.services, email, 'verifyEmail')))).status,
      400,
    );
  });

  it('password reset: the owner resets; only the new password works', async () => {
    const email = uniqueEmail('victim');
    await attackerSignsUp(email);
    const victim = browser();
    assert.equal(
      (await victim.post('/api/auth/password/forgot', { email, browserKey: victim.browserKey })).status,
      202,
    );
    const reset = await followLink(victim, linkIn(await latestMail(server.services, email, 'resetPassword')), {
      password: VICTIM_PASSWORD,
      confirm: VICTIM_PASSWORD,
    });
    assert.equal(reset.status, 200);
    assert.ok((await account(email))!.email_verified_at);
    assert.equal((await signIn(email, ATTACKER_PASSWORD)).status, 401);
    assert.equal((await signIn(email, VICTIM_PASSWORD)).status, 200);
  });

  it('invitation: the owner accepts an invitation; the attacker’s password no longer exists', async () => {
    const { client: owner } = await signedUpClient(server.services, server.url);
    const org = await owner.post('/api/organizations', { name: 'Stagehand Crew' });
    assert.equal(org.status, 201, JSON.stringify(org.body));
    const email = uniqueEmail('victim');
    await attackerSignsUp(email);
    assert.equal(
      (await owner.post(`/api/organizations/${org.body.organization.id}/invitations`, { email, role: 'member' }))
        .status,
      201,
    );
    const accepted = await followLink(
      browser(),
      linkIn(await latestMail(server.services, email, 'organizationInvitation')),
    );
    assert.equal(accepted.status, 303);
    assert.ok((await account(email))!.email_verified_at);
    assert.equal((await account(email))!.password_hash, null);
    assert.equal((await signIn(email, ATTACKER_PASSWORD)).status, 401);
  });

  it('a second proof changes nothing: what the owner set after the first stays', async () => {
    const { email, password, client } = await signedUpClient(server.services, server.url);
    const again = browser();
    await again.post('/api/auth/magic-link', { email, browserKey: again.browserKey });
    const continued = await followLink(again, linkIn(await latestMail(server.services, email, 'magicLink')));
    assert.equal((await exchange(again, continued.location)).body.status, 'signed_in');
    assert.equal((await signIn(email, password)).status, 200, 'the proven password stays');
    assert.equal((await client.get('/api/me')).status, 200, 'and so do the sessions');
  });

  describe('without email verification (ACCT_REQUIRE_EMAIL_VERIFICATION=false)', () => {
    let open: RunningServer;
    before(async () => {
      open = await startTestServer(getDb(), { env: { ...LIMITS, ACCT_REQUIRE_EMAIL_VERIFICATION: 'false' } });
    });
    after(() => open.close());

    it('the first proof ends the attacker’s sessions and removes the passkey and password they set', async () => {
      const email = uniqueEmail('victim');
      const attacker = new TestClient(open.url, { origin: TEST_ORIGIN });
      const signedUp = await attacker.post('/api/auth/sign-up', { email, password: ATTACKER_PASSWORD });
      assert.equal(signedUp.status, 200, 'usable at once, address unproven');
      const authenticator = new SoftAuthenticator();
      const options = await attacker.post('/api/passkeys/register/options');
      const added = await attacker.post('/api/passkeys/register/verify', {
        response: authenticator.register(options.body),
      });
      assert.equal(added.status, 201, JSON.stringify(added.body));

      const victim = new TestClient(open.url, { origin: TEST_ORIGIN });
      await victim.post('/api/auth/magic-link', { email, browserKey: victim.browserKey });
      const continued = await followLink(victim, linkIn(await latestMail(open.services, email, 'magicLink')));
      assert.equal((await exchange(victim, continued.location)).body.status, 'signed_in');

      assert.equal((await attacker.get('/api/me')).status, 401, 'the attacker’s session ended');
      assert.equal(
        (
          await new TestClient(open.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-in', {
            email,
            password: ATTACKER_PASSWORD,
          })
        ).status,
        401,
      );
      const user = await open.db.knex('auth.users').where({ email }).first();
      assert.equal(
        Number((await open.db.knex('passkeys').where({ user_id: user!.id }).count({ n: '*' }).first())!.n),
        0,
      );
      assert.equal((await victim.get('/api/me')).body.user.email, email);
    });
  });
});
