/**
 * Organization invitations through the real HTTP API and hosted page on each database: inviting
 * (token stored only hashed, a week to live, one open invitation per address, members refused,
 * mail buckets), listing, revoking and re-sending (once a minute), and accepting end to end —
 * mail in the outbox, a landing page that consumes nothing (docs/security.md B2), Continue → 303 with
 * a session code → `/api/session/exchange` signs in a member with the invited role — for an
 * existing account and a new address; one identical page for every unusable link (B3); exactly one
 * membership and one session from 10 parallel accepts (B1); and the hook the checklist listens on.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, it } from 'node:test';
import { DomainEvents } from '../../events/domain-events';
import type { RunningServer } from '../../start';
import { hashToken } from '../../security/tokens';
import { exchange, followLink, latestMail, linkIn, uniqueEmail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient, TEST_ORIGIN } from '../../testing/http-client';
import { startTestServer } from '../../testing/test-server';
import { parseUserAgent } from '../sessions/device';
import type { RequestContext } from '../sessions/request-context';
import { inviteMember } from './invitations.service';
import { assertNothingChanged, roleIn, signedInUser, team, type TestTeam } from '../../testing/organizations';

describeOnEachDatabase('organization invitations', (getDb) => {
  let server: RunningServer;
  let t: TestTeam;
  /** The `organization.invitation_sent` events published through the server's own domain events. */
  const published: unknown[] = [];
  const knex = () => server.db.knex;
  const anonymous = () => new TestClient(server.url, { origin: TEST_ORIGIN });
  const invite = (body: Record<string, unknown>, by = t.owner) =>
    by.client.post(`/api/organizations/${t.id}/invitations`, body);
  const linkTo = async (email: string) => linkIn(await latestMail(server.services, email, 'organizationInvitation'));
  const invitationRow = (email: string) =>
    knex()('organization_invitations').where({ organization_id: t.id, email }).first();
  /** A page as `${status} ${html}`, to compare pages whole. */
  const page = async (url: URL | string) => {
    const res = await fetch(url);
    return `${res.status} ${await res.text()}`;
  };

  before(async () => {
    // Three mails an hour per recipient: low enough for the bucket test, and no other test mails one address more.
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'mail:ip=100000/60 mail:address=3/3600' } });
    server.services.events.subscribe('organization.invitation_sent', async (trx, event) => {
      published.push({ ...event, inTransaction: trx.isTransaction });
    });
  });
  after(() => server.close());
  beforeEach(async () => {
    t = await team(server);
  });

  it('mails a link to the hosted page and stores only the token’s hash, for a week', async () => {
    const email = uniqueEmail('Invitee');
    const res = await invite(
      { email: email.toUpperCase(), role: 'member', redirectUrl: `${TEST_ORIGIN}/team` },
      t.admin,
    );
    assert.equal(res.status, 201);
    assert.deepEqual(Object.keys(res.body.invitation).sort(), [
      'createdAt',
      'email',
      'expiresAt',
      'id',
      'invitedBy',
      'lapsed',
      'lastSentAt',
      'role',
    ]);
    assert.deepEqual(
      [res.body.invitation.email, res.body.invitation.role, res.body.invitation.invitedBy, res.body.invitation.lapsed],
      [email.toLowerCase(), 'member', t.admin.userId, false],
    );
    const week = new Date(res.body.invitation.expiresAt).getTime() - Date.now();
    assert.ok(Math.abs(week - 7 * 24 * 3600 * 1000) < 60_000, `expires in ${week} ms`);

    const mail = await latestMail(server.services, email, 'organizationInvitation');
    assert.equal(mail.subject, 'Join Stagehand Crew on acct');
    assert.match(mail.text, new RegExp(`${t.admin.email} invited you to join Stagehand Crew`));
    const link = linkIn(mail);
    assert.equal(`${link.origin}${link.pathname}`, `${server.url}/auth/invitation`);
    const token = link.searchParams.get('token')!;
    assert.match(token, /^[\w-]{43}$/, '256 bits, base64url');
    const row = await invitationRow(email.toLowerCase());
    assert.equal(row!.token_hash, hashToken(token));
    assert.ok(!JSON.stringify(row).includes(token), 'the token itself is stored nowhere in the row');

    const listed = await t.admin.client.get(`/api/organizations/${t.id}/invitations`);
    assert.deepEqual(
      listed.body.invitations.map((i: { id: string }) => i.id),
      [res.body.invitation.id],
    );
    assert.deepEqual(
      published.at(-1),
      {
        type: 'organization.invitation_sent',
        userId: t.admin.userId,
        organizationId: t.id,
        email: email.toLowerCase(),
        inTransaction: true,
      },
      'the setup checklist hears of it (invite_team)',
    );
  });

  it('joins an existing account with the invited role: GET consumes nothing, Continue hands over a session', async () => {
    const invitee = await signedInUser(server, 'joiner');
    await invite({ email: invitee.email, role: 'admin', redirectUrl: `${TEST_ORIGIN}/team?tab=1` });
    const link = await linkTo(invitee.email);
    for (let i = 0; i < 3; i++) {
      const shown = await page(link);
      assert.match(shown, /^200 /);
      assert.match(shown, /Join Stagehand Crew on acct/);
      assert.match(shown, /<form method="post" action="\/auth\/invitation">/);
    }
    assert.equal((await invitationRow(invitee.email))!.accepted_at, null, 'three GETs consumed nothing (B2)');

    const continued = await followLink(anonymous(), link);
    assert.equal(continued.status, 303);
    assert.match(
      continued.location ?? '',
      new RegExp(`^${TEST_ORIGIN}/team\\?tab=1#acct_code=[\\w-]{43}&acct_flow=invitation$`),
    );
    const browser = anonymous();
    // No browser asked for an invitation link: the page asks "Sign in as …?" first.
    const asked = await exchange(browser, continued.location);
    assert.deepEqual(
      [asked.body.status, asked.body.account.email, asked.body.flow],
      ['confirmation_required', invitee.email, 'invitation'],
    );
    const exchanged = await exchange(browser, continued.location, { confirm: true });
    assert.deepEqual(
      [exchanged.status, exchanged.body.user.id, exchanged.body.method],
      [200, invitee.userId, 'magic_link'],
    );
    const { organizations } = (await browser.get('/api/organizations')).body;
    assert.deepEqual(
      organizations.map((o: { id: string; role: string }) => [o.id, o.role]),
      [[t.id, 'admin']],
    );
    const row = await invitationRow(invitee.email);
    assert.ok(row!.accepted_at);
    assert.equal(row!.accepted_by, invitee.userId);
    assert.deepEqual((await t.owner.client.get(`/api/organizations/${t.id}/invitations`)).body.invitations, []);
  });

  it('signs an existing account in only while the link is as fresh as a sign-in link; an older one joins without a session', async () => {
    // A week-old invitation would otherwise be a week-long sign-in link to the account, and
    // invitations get forwarded.
    const invitee = await signedInUser(server, 'stale-joiner');
    await invite({ email: invitee.email, redirectUrl: `${TEST_ORIGIN}/team` });
    const link = await linkTo(invitee.email);
    const magicLinkTtl = server.services.config.magicLinkTtlSeconds;
    await knex()('organization_invitations')
      .where({ email: invitee.email })
      .update({ last_sent_at: knex().raw('now() - make_interval(secs => ?)', [magicLinkTtl + 60]) });
    const codes = () => knex()('auth.one_time_tokens').where({ user_id: invitee.userId, purpose: 'session_exchange' });
    const codesBefore = (await codes()).length;
    const continued = await followLink(anonymous(), link);
    assert.equal(continued.status, 303);
    assert.equal(continued.location, `${TEST_ORIGIN}/team`, 'back to the site, with no session code');
    assert.equal(await roleIn(server, t.id, invitee.userId), 'member', 'joined all the same');
    assert.equal((await invitationRow(invitee.email))!.accepted_by, invitee.userId);
    assert.equal((await codes()).length, codesBefore, 'no session waiting to be made');

    // A new account has no other way in: its link signs in however old (within its week).
    const newcomer = uniqueEmail('stale-newcomer');
    await invite({ email: newcomer });
    const newcomerLink = await linkTo(newcomer);
    await knex()('organization_invitations')
      .where({ email: newcomer })
      .update({ last_sent_at: knex().raw(`now() - interval '6 days'`) });
    const joined = await followLink(anonymous(), newcomerLink);
    assert.match(joined.location ?? '', /#acct_code=[\w-]{43}&acct_flow=invitation$/);
  });

  it('creates the account of a new address, verified and without a password, and returns to the inviting origin', async () => {
    const email = uniqueEmail('newcomer');
    assert.equal((await invite({ email })).status, 201);
    assert.equal(
      await knex()('auth.users').where({ email }).first(),
      undefined,
      'no account before the invitation is accepted',
    );
    const continued = await followLink(anonymous(), await linkTo(email));
    assert.match(continued.location ?? '', new RegExp(`^${TEST_ORIGIN}/#acct_code=`));
    const user = await knex()('auth.users').where({ email }).first();
    assert.ok(user?.email_verified_at);
    assert.equal(user?.password_hash, null);
    assert.equal(await roleIn(server, t.id, user!.id), 'member');
    assert.equal((await exchange(anonymous(), continued.location, { confirm: true })).body.user.email, email);
  });

  it('keeps an existing member’s role, and proves a squatted address without keeping the squatter’s password', async () => {
    const member = await signedInUser(server, 'already');
    await invite({ email: member.email, role: 'admin' });
    await knex()('organization_members').insert({ organization_id: t.id, user_id: member.userId, role: 'owner' }); // joined meanwhile
    assert.equal((await followLink(anonymous(), await linkTo(member.email))).status, 303);
    assert.equal(await roleIn(server, t.id, member.userId), 'owner', 'accepting again changes nothing');

    // Someone registered this address with their own password and never confirmed it: the
    // invitation proves the address, and what the squatter set does not survive the proof
    // (users/address-proof.ts; every path is attacked in address-proof.test.ts).
    const email = uniqueEmail('squatted');
    await knex()('auth.users').insert({ email, password_hash: 'not-the-owners' });
    await invite({ email });
    assert.equal((await followLink(anonymous(), await linkTo(email))).status, 303);
    const proven = (await knex()('auth.users').where({ email }).first())!;
    assert.ok(proven.email_verified_at);
    assert.equal(proven.password_hash, null);
  });

  it('cannot make an account when sign-up is closed: the invalid page, and the invitation stays usable', async () => {
    const closed = await startTestServer(getDb(), { env: { ACCT_SIGN_UP_ENABLED: 'false' } });
    try {
      const email = uniqueEmail('closed');
      await invite({ email });
      const link = await linkTo(email);
      const onClosed = new URL(`${closed.url}${link.pathname}${link.search}`);
      const invalid = await page(`${closed.url}/auth/invitation?token=${'A'.repeat(43)}`);
      assert.equal(await page(onClosed), invalid);
      const posted = await followLink(new TestClient(closed.url), onClosed);
      assert.equal(`${posted.status} ${posted.text}`, invalid);
      assert.equal((await invitationRow(email))!.accepted_at, null);
      assert.equal(await knex()('auth.users').where({ email }).first(), undefined);

      const existing = await signedInUser(server, 'existing');
      await invite({ email: existing.email });
      const existingLink = await linkTo(existing.email);
      const joined = await followLink(
        new TestClient(closed.url),
        new URL(`${closed.url}${existingLink.pathname}${existingLink.search}`),
      );
      assert.equal(joined.status, 303, 'an existing account joins even with sign-up closed');
      assert.equal((await followLink(anonymous(), link)).status, 303, 'where sign-up is open, the same link works');
    } finally {
      await closed.close();
    }
  });

  it('shows one identical page for expired, revoked, used, superseded and unknown invitations (B3)', async () => {
    const [used, revoked, superseded, expired] = [
      uniqueEmail('used'),
      uniqueEmail('revoked'),
      uniqueEmail('superseded'),
      uniqueEmail('expired'),
    ];
    for (const email of [used, revoked, superseded, expired]) assert.equal((await invite({ email })).status, 201);
    const links = {
      used: await linkTo(used),
      revoked: await linkTo(revoked),
      superseded: await linkTo(superseded),
      expired: await linkTo(expired),
    };

    assert.equal((await followLink(anonymous(), links.used)).status, 303);
    const revokedId = (await invitationRow(revoked))!.id;
    assert.deepEqual((await t.admin.client.delete(`/api/organizations/${t.id}/invitations/${revokedId}`)).body, {
      revoked: true,
    });
    assert.equal(
      (await t.admin.client.delete(`/api/organizations/${t.id}/invitations/${revokedId}`)).status,
      404,
      'revoked once',
    );
    await knex()('organization_invitations')
      .where({ email: superseded })
      .update({ last_sent_at: knex().raw(`now() - interval '61 seconds'`) });
    assert.equal(
      (
        await t.owner.client.post(
          `/api/organizations/${t.id}/invitations/${(await invitationRow(superseded))!.id}/resend`,
          {},
        )
      ).status,
      200,
    );
    await knex()('organization_invitations')
      .where({ email: expired })
      .update({ expires_at: knex().raw(`now() - interval '1 second'`) });

    const unknown = new URL(`${server.url}/auth/invitation?token=${'A'.repeat(43)}`);
    const malformed = new URL(`${server.url}/auth/invitation?token=short`);
    const answers = new Set<string>();
    for (const link of [...Object.values(links), unknown, malformed]) {
      answers.add(await page(link));
      const posted = await followLink(anonymous(), link);
      answers.add(`${posted.status} ${posted.text}`);
    }
    assert.equal(answers.size, 1, [...answers].join('\n---\n'));
    assert.match([...answers][0]!, /^400 [\s\S]*This link can no longer be used/);
    assert.equal((await followLink(anonymous(), await linkTo(superseded))).status, 303, 'the re-sent link works');
  });

  it('takes an owner to invite as admin or re-send such an invitation; an admin invites members', async () => {
    // An admin who could invite as admin could promote anyone (remove them, invite them back as
    // admin), which changing a role directly does not allow them.
    const email = uniqueEmail('would-be-admin');
    await assertNothingChanged(server, async () => {
      const res = await invite({ email, role: 'admin' }, t.admin);
      assert.deepEqual([res.status, res.body.error.code], [403, 'forbidden_role']);
    });
    assert.equal((await invite({ email, role: 'admin' })).status, 201, 'the owner may');
    const invitation = (await invitationRow(email))!;
    const renewed = await invite({ email, role: 'admin' }, t.admin);
    assert.deepEqual([renewed.status, renewed.body.error.code], [403, 'forbidden_role'], 'nor by inviting again');
    await knex()('organization_invitations')
      .where({ id: invitation.id })
      .update({ last_sent_at: knex().raw(`now() - interval '61 seconds'`) });
    const path = `/api/organizations/${t.id}/invitations/${invitation.id}/resend`;
    const resent = await t.admin.client.post(path, {});
    assert.deepEqual([resent.status, resent.body.error.code], [403, 'forbidden_role']);
    assert.equal((await invitationRow(email))!.invited_by, t.owner.userId, 'still the owner’s');
    assert.equal((await t.owner.client.post(path, {})).status, 200);
    // An admin may turn it into an invitation as member, which they may grant.
    const asMember = await invite({ email, role: 'member' }, t.admin);
    assert.deepEqual(
      [asMember.status, asMember.body.invitation.role, asMember.body.invitation.invitedBy],
      [200, 'member', t.admin.userId],
    );
  });

  it('lapses with its inviter’s authority: a removed, demoted or deleted inviter’s link joins nobody until re-sent', async () => {
    // The attack: an admin about to be removed invites an address of their own and comes back
    // through the link once removed.
    const invalid = await page(`${server.url}/auth/invitation?token=${'A'.repeat(43)}`);
    const lapsed = async (of: TestTeam, email: string) => {
      const listed = await of.owner.client.get(`/api/organizations/${of.id}/invitations`);
      return listed.body.invitations.find((i: { email: string }) => i.email === email).lapsed;
    };
    const removedOwn = uniqueEmail('removed-admins-alt');
    assert.equal((await invite({ email: removedOwn }, t.admin)).status, 201);
    const removedLink = await linkTo(removedOwn);
    assert.equal(await lapsed(t, removedOwn), false);
    assert.equal((await t.owner.client.delete(`/api/organizations/${t.id}/members/${t.admin.userId}`)).status, 200);
    assert.equal(await page(removedLink), invalid, 'the landing page offers nothing');
    const posted = await followLink(anonymous(), removedLink);
    assert.equal(`${posted.status} ${posted.text}`, invalid);
    assert.equal(await knex()('auth.users').where({ email: removedOwn }).first(), undefined, 'no account made');
    assert.equal((await invitationRow(removedOwn))!.accepted_at, null);
    assert.equal(await lapsed(t, removedOwn), true, 'the list says so');

    // Demoted to member: no longer one who may invite.
    const demoter = await team(server);
    const demotedOwn = uniqueEmail('demoted-admins-alt');
    const byDemoted = await demoter.admin.client.post(`/api/organizations/${demoter.id}/invitations`, {
      email: demotedOwn,
    });
    assert.equal(byDemoted.status, 201);
    const demotedLink = await linkTo(demotedOwn);
    const demote = (userId: string, role: string) =>
      demoter.owner.client.request('PATCH', `/api/organizations/${demoter.id}/members/${userId}`, { role });
    assert.equal((await demote(demoter.admin.userId, 'member')).status, 200);
    assert.equal((await followLink(anonymous(), demotedLink)).status, 400);
    assert.equal(await lapsed(demoter, demotedOwn), true);

    // An owner demoted to admin: their invitations as admin lapse, those as member stand.
    const formerOwner = await signedInUser(server, 'former-owner');
    await knex()('organization_members').insert({
      organization_id: demoter.id,
      user_id: formerOwner.userId,
      role: 'owner',
    });
    const asAdmin = uniqueEmail('as-admin');
    const asMember = uniqueEmail('as-member');
    for (const [email, role] of [
      [asAdmin, 'admin'],
      [asMember, 'member'],
    ]) {
      const res = await formerOwner.client.post(`/api/organizations/${demoter.id}/invitations`, { email, role });
      assert.equal(res.status, 201);
    }
    const [asAdminLink, asMemberLink] = [await linkTo(asAdmin), await linkTo(asMember)];
    assert.equal((await demote(formerOwner.userId, 'admin')).status, 200);
    assert.deepEqual([await lapsed(demoter, asAdmin), await lapsed(demoter, asMember)], [true, false]);
    assert.equal((await followLink(anonymous(), asAdminLink)).status, 400);
    assert.equal((await followLink(anonymous(), asMemberLink)).status, 303);

    // A deleted inviter (the reference set to null) vouches for nobody either.
    const orphan = uniqueEmail('orphan');
    await invite({ email: orphan });
    const orphanLink = await linkTo(orphan);
    await knex()('organization_invitations').where({ email: orphan }).update({ invited_by: null });
    assert.equal((await followLink(anonymous(), orphanLink)).status, 400);

    // The owner re-sends the removed admin's invitation: it now stands on the owner's authority.
    await knex()('organization_invitations')
      .where({ email: removedOwn })
      .update({ last_sent_at: knex().raw(`now() - interval '61 seconds'`) });
    const resent = await t.owner.client.post(
      `/api/organizations/${t.id}/invitations/${(await invitationRow(removedOwn))!.id}/resend`,
      {},
    );
    assert.equal(resent.status, 200);
    assert.deepEqual([resent.body.invitation.invitedBy, resent.body.invitation.lapsed], [t.owner.userId, false]);
    assert.equal((await followLink(anonymous(), await linkTo(removedOwn))).status, 303);
    const joined = await knex()('auth.users').where({ email: removedOwn }).first();
    assert.equal(await roleIn(server, t.id, joined!.id), 'member');
  });

  it('gives exactly one membership and one session to 10 parallel accepts (B1)', async () => {
    const invitee = await signedInUser(server, 'parallel');
    const sessions = async () =>
      Number((await knex()('user_sessions').where({ user_id: invitee.userId }).count({ n: '*' }).first())!.n);
    const before = await sessions();
    await invite({ email: invitee.email });
    const link = await linkTo(invitee.email);
    const clicks = await Promise.all(Array.from({ length: 10 }, () => followLink(anonymous(), link)));
    const winners = clicks.filter((c) => c.status === 303);
    assert.equal(winners.length, 1);
    assert.ok(clicks.every((c) => c.status === 303 || c.status === 400));
    const exchanged = await Promise.all(winners.map((w) => exchange(anonymous(), w.location, { confirm: true })));
    assert.deepEqual(
      exchanged.map((e) => e.status),
      [200],
    );
    assert.equal(await sessions(), before + 1);
    assert.equal(
      Number(
        (await knex()('organization_members')
          .where({ organization_id: t.id, user_id: invitee.userId })
          .count({ n: '*' })
          .first())!.n,
      ),
      1,
    );
  });

  it('re-sends at most once a minute per invitation, with a new token that replaces the old', async () => {
    const email = uniqueEmail('resend');
    const { invitation } = (await invite({ email })).body;
    const resend = () => t.admin.client.post(`/api/organizations/${t.id}/invitations/${invitation.id}/resend`, {});
    const first = await linkTo(email);

    const early = await resend();
    assert.deepEqual([early.status, early.body.error.code], [429, 'too_many_requests']);
    const wait = Number(early.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);

    await knex()('organization_invitations')
      .where({ id: invitation.id })
      .update({
        last_sent_at: knex().raw(`now() - interval '61 seconds'`),
        expires_at: knex().raw(`now() + interval '1 day'`),
      });
    const again = await resend();
    assert.equal(again.status, 200);
    assert.equal(again.body.invitation.id, invitation.id);
    assert.ok(
      new Date(again.body.invitation.expiresAt).getTime() > Date.now() + 6.9 * 24 * 3600 * 1000,
      'a fresh week',
    );
    const second = await linkTo(email);
    assert.notEqual(second.href, first.href);
    assert.match(await page(first), /^400 /);
    assert.match(await page(second), /^200 /);
  });

  it('renews the open invitation when the same address is invited again, instead of adding one', async () => {
    const email = uniqueEmail('twice');
    const first = await invite({ email });
    const firstLink = await linkTo(email);
    const second = await invite({ email: email.toUpperCase(), role: 'admin' });
    assert.deepEqual(
      [second.status, second.body.invitation.id, second.body.invitation.role],
      [200, first.body.invitation.id, 'admin'],
    );
    assert.equal((await knex()('organization_invitations').where({ organization_id: t.id, email })).length, 1);
    assert.match(await page(firstLink), /^400 /, 'the earlier link is replaced');
  });

  it('refuses to invite a member (409 already_member) and malformed invitations, mailing nothing', async () => {
    await assertNothingChanged(server, async () => {
      for (const email of [t.member.email.toUpperCase(), t.owner.email]) {
        const res = await invite({ email });
        assert.deepEqual([res.status, res.body.error.code], [409, 'already_member']);
      }
      const email = uniqueEmail('invalid');
      const cases: [Record<string, unknown>, Record<string, string>][] = [
        [{ email: 'not-an-email' }, { email: 'invalid_email' }],
        [{}, { email: 'invalid_email' }],
        [{ email, role: 'owner' }, { role: 'invalid_role' }],
        [{ email, redirectUrl: 'https://evil.test/steal' }, { redirectUrl: 'redirect_not_allowed' }],
        [{ email, redirectUrl: 'not a url' }, { redirectUrl: 'invalid_url' }],
        [{ email, organizationId: t.id }, { organizationId: 'unknown_field' }],
      ];
      for (const [body, fields] of cases) {
        const res = await invite(body);
        assert.deepEqual(
          [res.status, res.body.error.code, res.body.error.fields],
          [400, 'invalid_request', fields],
          JSON.stringify(body),
        );
      }
    });
  });

  it('counts invitations against the mail buckets: 429 with Retry-After past three mails an hour to one address', async () => {
    const email = uniqueEmail('bucket');
    for (let i = 0; i < 3; i++) assert.ok((await invite({ email })).status < 300);
    await assertNothingChanged(server, async () => {
      const refused = await invite({ email });
      assert.deepEqual([refused.status, refused.body.error.code], [429, 'too_many_requests']);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
    });
  });

  it('publishes organization.invitation_sent inside the invitation’s transaction, which a failing handler rolls back', async () => {
    const calls: unknown[] = [];
    const actor = { userId: t.admin.userId, organizationId: t.id };
    const context: RequestContext = {
      ip: '127.0.0.1',
      userAgent: undefined,
      device: parseUserAgent(undefined),
      location: null,
    };
    const email = uniqueEmail('hooked');
    const seen = new DomainEvents();
    seen.subscribe('organization.invitation_sent', async (trx, event) => {
      calls.push({
        ...event,
        inTransaction: trx.isTransaction,
        rowVisible: Boolean(await trx('organization_invitations').where({ email }).first()),
      });
    });
    await inviteMember(
      { ...server.services, events: seen },
      actor,
      { email, role: 'member', redirectUrl: `${TEST_ORIGIN}/` },
      context,
    );
    assert.deepEqual(calls, [
      {
        type: 'organization.invitation_sent',
        userId: t.admin.userId,
        organizationId: t.id,
        email,
        inTransaction: true,
        rowVisible: true,
      },
    ]);

    const failing = uniqueEmail('rolled-back');
    const down = new DomainEvents();
    down.subscribe('organization.invitation_sent', async () => {
      throw new Error('checklist down');
    });
    await assert.rejects(
      inviteMember(
        { ...server.services, events: down },
        actor,
        { email: failing, role: 'member', redirectUrl: `${TEST_ORIGIN}/` },
        context,
      ),
      /checklist down/,
    );
    assert.equal(await invitationRow(failing), undefined);
    assert.equal(await knex()('mail_queue').where({ to_address: failing }).first(), undefined);
  });
});
