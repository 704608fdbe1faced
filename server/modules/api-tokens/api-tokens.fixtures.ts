/**
 * Test helpers for API tokens: a token created through the real API by a signed-in admin, and a
 * client that calls as a server would (no Origin, no cookies) with that token as its bearer.
 */
import assert from 'node:assert/strict';
import type { ApiToken } from '../../../contract/api-tokens';
import type { ApiTokenScope } from '../../../contract/constants';
import { hashToken } from '../../security/tokens';
import type { RunningServer } from '../../start';
import { TestClient } from '../../testing/http-client';
import type { TestUser } from '../../testing/organizations';
import { generateApiToken } from './token-format';

export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

/** A token of `organizationId` made by `admin` through `POST /api/organizations/:id/api-tokens`. */
export async function createToken(
  admin: TestUser,
  organizationId: string,
  scopes: ApiTokenScope[],
  extra: { name?: string; expiresAt?: string } = {},
): Promise<CreatedToken> {
  const res = await admin.client.call('POST /api/organizations/:id/api-tokens', {
    params: { id: organizationId },
    body: {
      name: extra.name ?? `token ${scopes.join(' ')}`,
      scopes,
      ...(extra.expiresAt ? { expiresAt: extra.expiresAt } : {}),
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** A server-to-server client (no Origin header) sending `secret` as its bearer. */
export function tokenClient(server: RunningServer, secret: string): TestClient {
  const client = new TestClient(server.url);
  client.bearer = secret;
  return client;
}

/** A token row written straight to the table (set-up for tests about other things); answers its id. */
export async function storedToken(server: RunningServer, organizationId: string, userId: string): Promise<string> {
  const { token, lookupId } = generateApiToken();
  const [row] = await server.db
    .knex('api_tokens')
    .insert({
      organization_id: organizationId,
      user_id: userId,
      name: 'stored',
      token_hash: hashToken(token),
      token_prefix: lookupId,
      scopes: JSON.stringify(['members:read']),
    })
    .returning('id');
  return (row as { id: string }).id;
}
