/**
 * Fixtures for the organization tests: signed-in users made quickly (an account and a session
 * hand-over code written straight to the database, then exchanged through the real API — no
 * password hashing, no mail), an organization with an owner, an admin and a member, and a
 * fingerprint of every table an organization route could change, to prove a refused request
 * changed nothing.
 */
import assert from 'node:assert/strict';
import type { Knex } from 'knex';
import type { OrganizationRole } from '../db/tables';
import { issueToken } from '../modules/one-time-tokens/one-time-tokens.queries';
import { createUser } from '../modules/users/users.queries';
import { hashToken, randomToken } from '../security/tokens';
import type { RunningServer } from '../start';
import { uniqueEmail } from './accounts';
import { TestClient, TEST_ORIGIN } from './http-client';
import { drainMailQueue } from './mail';

export interface TestUser {
  client: TestClient;
  userId: string;
  email: string;
}

/** A verified account, signed in through `/api/session/exchange`. */
export async function signedInUser(server: RunningServer, label = 'user'): Promise<TestUser> {
  const email = uniqueEmail(label);
  const user = await createUser(server.db.knex, { email, passwordHash: null, emailVerified: true });
  const code = await issueToken(server.db.knex, {
    userId: user.id,
    purpose: 'session_exchange',
    data: { method: 'magic_link' },
  });
  const client = new TestClient(server.url, { origin: TEST_ORIGIN });
  const res = await client.post('/api/session/exchange', { code, confirm: true });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  if (res.body.session.token) client.bearer = res.body.session.token;
  return { client, userId: user.id, email };
}

/** Makes `user` a member with `role` (test set-up, straight in the table). */
export async function addToOrganization(
  server: RunningServer,
  organizationId: string,
  user: TestUser,
  role: OrganizationRole,
  joinedAt?: Date,
): Promise<void> {
  await server.db.knex('organization_members').insert({
    organization_id: organizationId,
    user_id: user.userId,
    role,
    ...(joinedAt ? { created_at: joinedAt } : {}),
  });
}

export interface TestTeam {
  id: string;
  owner: TestUser;
  admin: TestUser;
  member: TestUser;
}

/** An organization created through the API by its owner, with an admin and a member added. */
export async function team(server: RunningServer, name = 'Stagehand Crew'): Promise<TestTeam> {
  const owner = await signedInUser(server, 'owner');
  const created = await owner.client.post('/api/organizations', { name });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id: string = created.body.organization.id;
  const admin = await signedInUser(server, 'admin');
  const member = await signedInUser(server, 'member');
  // Distinct join times: two inserts in a row can share a clock tick (PGlite's clock is coarse).
  await addToOrganization(server, id, admin, 'admin', new Date(Date.now() + 1000));
  await addToOrganization(server, id, member, 'member', new Date(Date.now() + 2000));
  return { id, owner, admin, member };
}

/** An open invitation written straight to the table, last mailed an hour ago (so a resend is not throttled). */
export async function openInvitation(
  server: RunningServer,
  organizationId: string,
  invitedBy: string,
): Promise<string> {
  const knex = server.db.knex;
  const [row] = await knex('organization_invitations')
    .insert({
      organization_id: organizationId,
      email: uniqueEmail('invited'),
      role: 'member',
      token_hash: hashToken(randomToken()),
      invited_by: invitedBy,
      expires_at: knex.raw(`now() + interval '7 days'`),
      last_sent_at: knex.raw(`now() - interval '1 hour'`),
    })
    .returning('id');
  return row!.id;
}

/** Tables an organization route may write (its own three, and what sending mail or spending a rate limit touches). */
const WATCHED = [
  'organizations',
  'organization_members',
  'organization_invitations',
  'api_tokens',
  'mail_queue',
  'rate_limit_buckets',
  'auth.users',
];

/** One digest per watched table: any insert, update or delete shows. */
async function fingerprint(knex: Knex): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of WATCHED) {
    const { rows } = await knex.raw(
      `select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ?? t`,
      [table],
    );
    out[table] = rows[0].digest;
  }
  return out;
}

/** Runs `attempt` and asserts that none of the watched tables changed meanwhile. */
export async function assertNothingChanged(server: RunningServer, attempt: () => Promise<void>): Promise<void> {
  // The server's mail worker updates due rows on its own schedule: leave none due.
  await drainMailQueue(server.services);
  const before = await fingerprint(server.db.knex);
  await attempt();
  await drainMailQueue(server.services);
  assert.deepEqual(await fingerprint(server.db.knex), before, 'a refused request changed stored state');
}

/** The role of `userId` in the organization, read from the table (undefined: not a member). */
export async function roleIn(
  server: RunningServer,
  organizationId: string,
  userId: string,
): Promise<string | undefined> {
  return (
    await server.db
      .knex('organization_members')
      .where({ organization_id: organizationId, user_id: userId })
      .first('role')
  )?.role;
}
