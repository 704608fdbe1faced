/**
 * API tokens through the HTTP API on each database: management by owners and admins only, the
 * secret answered once and only its hash stored, malformed tokens refused before any query,
 * revocation and expiry effective on the next request, and `last_used_at` written at most once
 * a minute. Scope and organization isolation: api-token-access.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import type { TestClient } from '../../testing/http-client';
import { CapturedLog } from '../../testing/captured-log';
import { signedInUser, team, type TestTeam } from '../../testing/organizations';
import { startTestServer } from '../../testing/test-server';
import { hashToken } from '../../security/tokens';
import { createToken, tokenClient } from './api-tokens.fixtures';
import { crc32Hex } from './token-format';

/** Statements that could serve a token or a session check: none may run for a malformed token. */
const AUTH_TABLES = /api_tokens|user_sessions|organization_members|rate_limit_buckets/;

describeOnEachDatabase('API tokens', (getDb) => {
  let server: RunningServer;
  let crew: TestTeam;

  before(async () => {
    server = await startTestServer(getDb());
    crew = await team(server, 'Token Crew');
  });
  after(() => server.close());

  const members = (client: TestClient, id = crew.id) =>
    client.call('GET /api/organizations/:id/members', { params: { id } });

  it('shows the secret once and stores only its hash', async () => {
    const { token, secret } = await createToken(crew.owner, crew.id, ['members:read'], { name: 'CI' });
    assert.match(secret, /^acct_live_[a-z0-9]{8}_[A-Za-z0-9]{40}_[0-9a-f]{8}$/);
    assert.equal(token.prefix, secret.slice(0, 18));
    assert.deepEqual(token.scopes, ['members:read']);
    assert.equal(token.createdBy?.userId, crew.owner.userId);
    assert.equal(token.lastUsedAt, null);

    const listed = await crew.admin.client.call('GET /api/organizations/:id/api-tokens', { params: { id: crew.id } });
    assert.equal(listed.status, 200);
    assert.ok(!JSON.stringify(listed.body).includes(secret.slice(19, 59)), 'the list never holds the secret');
    assert.deepEqual(
      listed.body.tokens.find((t) => t.id === token.id),
      token,
    );

    const row = await server.db.knex('api_tokens').where({ id: token.id }).first();
    assert.equal(row.token_hash, hashToken(secret));
    assert.ok(!JSON.stringify(row).includes(secret.slice(19, 59)), 'no column holds the secret');
    assert.equal((await members(tokenClient(server, secret))).status, 200);
  });

  it('lets only owners and admins manage tokens, and never a token', async () => {
    const body = { name: 'x', scopes: ['members:read' as const] };
    const member = await crew.member.client.call('POST /api/organizations/:id/api-tokens', {
      params: { id: crew.id },
      body,
    });
    assert.deepEqual([member.status, member.error?.code], [403, 'forbidden_role']);
    const outsider = await signedInUser(server, 'outsider');
    const stranger = await outsider.client.call('GET /api/organizations/:id/api-tokens', { params: { id: crew.id } });
    assert.deepEqual([stranger.status, stranger.error?.code], [404, 'not_found']);

    const { secret } = await createToken(crew.admin, crew.id, ['members:read', 'webhooks:manage', 'events:read']);
    const asToken = tokenClient(server, secret);
    for (const answer of [
      await asToken.call('GET /api/organizations/:id/api-tokens', { params: { id: crew.id } }),
      await asToken.call('POST /api/organizations/:id/api-tokens', { params: { id: crew.id }, body }),
    ]) {
      assert.deepEqual([answer.status, answer.error?.code], [401, 'not_signed_in']);
    }
  });

  it('refuses bad names, scopes and expiries', async () => {
    const create = (body: unknown) =>
      crew.owner.client.post(`/api/organizations/${crew.id}/api-tokens`, body as Record<string, unknown>);
    const cases: [unknown, string, string?][] = [
      [{ name: 'x', scopes: ['admin:everything'] }, 'invalid_request', 'scopes.0'],
      [{ name: 'x', scopes: [] }, 'invalid_request', 'scopes'],
      [{ name: 'x', scopes: ['members:read', 'members:read'] }, 'invalid_request', 'scopes'],
      [{ name: '', scopes: ['members:read'] }, 'invalid_request', 'name'],
      [{ name: 'x', scopes: ['members:read'], expiresAt: 'tomorrow' }, 'invalid_request', 'expiresAt'],
      [{ name: 'x', scopes: ['members:read'], expiresAt: '2000-01-01T00:00:00Z' }, 'api_token_expiry_past'],
      [{ name: 'x', scopes: ['members:read'], expiresAt: '2999-01-01T00:00:00Z' }, 'invalid_request', 'expiresAt'],
    ];
    for (const [body, code, field] of cases) {
      const res = await create(body);
      assert.equal(res.body.error?.code, code, JSON.stringify(body));
      if (field) assert.ok(field in (res.body.error.fields ?? {}), `${JSON.stringify(res.body.error)} names ${field}`);
    }
  });

  it('refuses a malformed token or a bad checksum before any database query', async () => {
    const { secret } = await createToken(crew.owner, crew.id, ['members:read']);
    const statements: string[] = [];
    const record = ({ sql }: { sql: string }) => statements.push(sql);
    // The session check runs as a prepared statement, outside the query builder: count it too.
    const prepared = server.db.prepared;
    server.db.prepared = (name, sql, params) => {
      statements.push(sql);
      return prepared(name, sql, params);
    };
    server.db.knex.on('query', record);
    try {
      const body = secret.slice(0, -9);
      const wrongCrc = crc32Hex(body) === '00000000' ? '00000001' : '00000000';
      for (const bad of [
        `${body}_${wrongCrc}`, // a checksum that does not match
        secret.slice(0, 30) + (secret[30] === 'A' ? 'B' : 'A') + secret.slice(31), // a typo
        secret.slice(0, -1),
        'acct_live_garbage',
      ]) {
        const before = statements.filter((s) => AUTH_TABLES.test(s)).length;
        const res = await members(tokenClient(server, bad));
        assert.deepEqual([res.status, res.error?.code], [401, 'api_token_invalid']);
        assert.deepEqual(statements.filter((s) => AUTH_TABLES.test(s)).slice(before), [], `no query for ${bad}`);
      }
      // The control: a good token does reach the database, so the counting above can see queries.
      const before = statements.filter((s) => AUTH_TABLES.test(s)).length;
      assert.equal((await members(tokenClient(server, secret))).status, 200);
      assert.ok(statements.filter((s) => AUTH_TABLES.test(s)).length > before);
    } finally {
      server.db.knex.off('query', record);
      server.db.prepared = prepared;
    }
  });

  it('refuses a revoked token and an expired one on their next request', async () => {
    const revoked = await createToken(crew.owner, crew.id, ['members:read']);
    const client = tokenClient(server, revoked.secret);
    assert.equal((await members(client)).status, 200);
    const res = await crew.admin.client.call('DELETE /api/organizations/:id/api-tokens/:tokenId', {
      params: { id: crew.id, tokenId: revoked.token.id },
    });
    assert.deepEqual(res.body, { revoked: true });
    const after = await members(client);
    assert.deepEqual([after.status, after.error?.code], [401, 'api_token_invalid']);
    const listed = await crew.owner.client.call('GET /api/organizations/:id/api-tokens', { params: { id: crew.id } });
    assert.ok(!listed.body.tokens.some((t) => t.id === revoked.token.id), 'a revoked token leaves the list');
    const again = await crew.admin.client.call('DELETE /api/organizations/:id/api-tokens/:tokenId', {
      params: { id: crew.id, tokenId: revoked.token.id },
    });
    assert.equal(again.status, 404);

    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const expiring = await createToken(crew.owner, crew.id, ['members:read'], { expiresAt: soon });
    assert.equal(expiring.token.expiresAt, soon);
    const expiringClient = tokenClient(server, expiring.secret);
    assert.equal((await members(expiringClient)).status, 200);
    await server.db
      .knex('api_tokens')
      .where({ id: expiring.token.id })
      .update({ expires_at: server.db.knex.raw(`now() - interval '1 second'`) });
    const expired = await members(expiringClient);
    assert.deepEqual([expired.status, expired.error?.code], [401, 'api_token_invalid']);
  });

  it('writes last_used_at at most once a minute', async () => {
    const { token, secret } = await createToken(crew.owner, crew.id, ['members:read']);
    const client = tokenClient(server, secret);
    const lastUsed = async () =>
      (
        (await server.db.knex('api_tokens').where({ id: token.id }).first('last_used_at')).last_used_at as Date | null
      )?.getTime();
    assert.equal(await lastUsed(), undefined);
    await members(client);
    const first = await lastUsed();
    assert.ok(first);
    await members(client);
    await members(client);
    assert.equal(await lastUsed(), first, 'uses within the minute write nothing');
    // A minute later (moved back in the table rather than waiting), the next use writes again.
    await server.db
      .knex('api_tokens')
      .where({ id: token.id })
      .update({ last_used_at: server.db.knex.raw(`now() - interval '61 seconds'`) });
    const moved = await lastUsed();
    await members(client);
    const written = await lastUsed();
    assert.ok(written! > moved!, 'a use after a minute is recorded');
    const listed = await crew.owner.client.call('GET /api/organizations/:id/api-tokens', { params: { id: crew.id } });
    assert.equal(listed.body.tokens.find((t) => t.id === token.id)?.lastUsedAt, new Date(written!).toISOString());
  });

  it('never writes a token to the log, used or refused', async () => {
    const log = new CapturedLog();
    const logged = await startTestServer(getDb(), { logTo: log });
    try {
      const owner = await signedInUser(logged, 'log-owner');
      const created = await owner.client.post('/api/organizations', { name: 'Logged Crew' });
      const id: string = created.body.organization.id;
      const { secret } = await createToken(owner, id, ['members:read']);
      const client = tokenClient(logged, secret);
      assert.equal((await members(client, id)).status, 200);
      assert.equal((await members(tokenClient(logged, `${secret.slice(0, -1)}x`), id)).status, 401);
      assert.ok(log.lines.length > 5, 'the server logged the requests');
      const secretPart = secret.slice(19, 59);
      assert.deepEqual(
        log.lines.filter((line) => line.includes(secretPart)),
        [],
      );
    } finally {
      await logged.close();
    }
  });
});
