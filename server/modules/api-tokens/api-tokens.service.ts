/**
 * An organization's API tokens, managed by its signed-in owners and admins (a token cannot
 * manage tokens): list, create (the secret is answered once and only its SHA-256 kept), revoke.
 * At most MAX_API_TOKENS_PER_ORGANIZATION active tokens per organization, so a compromised admin
 * session cannot mint tokens without bound.
 */
import {
  ApiTokenErrors,
  MAX_API_TOKEN_LIFETIME_DAYS,
  MAX_API_TOKENS_PER_ORGANIZATION,
  type ApiToken,
} from '../../../contract/api-tokens';
import type { ApiTokenScope } from '../../../contract/constants';
import { iso } from '../../../contract/wire';
import { ApiError, CommonErrors } from '../../http/errors';
import { hashToken } from '../../security/tokens';
import type { Services } from '../../services';
import { lockOrganization } from '../organizations/organizations.queries';
import * as queries from './api-tokens.queries';
import { displayPrefix, generateApiToken } from './token-format';

const DAY_MS = 86_400_000;
/** Draws of a fresh lookup id before giving up: a second collision in a row means a broken generator. */
const LOOKUP_ID_ATTEMPTS = 3;

function toApiToken(row: queries.ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: displayPrefix(row.token_prefix),
    scopes: row.scopes ?? [],
    createdBy:
      row.user_id && row.creator_email
        ? { userId: row.user_id, email: row.creator_email, displayName: row.creator_display_name }
        : null,
    createdAt: iso(row.created_at),
    lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at),
  };
}

export async function listApiTokens({ db }: Services, organizationId: string): Promise<ApiToken[]> {
  return (await queries.tokensOf(db.knex, organizationId)).map(toApiToken);
}

/** The expiry as a date: in the future, at most ten years ahead (400 otherwise). */
function expiryOf(raw: string | null | undefined, now = Date.now()): Date | null {
  if (!raw) return null;
  const at = new Date(raw);
  if (at.getTime() <= now) throw ApiError.of(ApiTokenErrors, 'api_token_expiry_past');
  if (at.getTime() > now + MAX_API_TOKEN_LIFETIME_DAYS * DAY_MS)
    throw ApiError.of(CommonErrors, 'invalid_request', { fields: { expiresAt: 'too_far' } });
  return at;
}

/** Creates a token; answers it with its secret, which is never available again. */
export async function createApiToken(
  { db }: Services,
  organizationId: string,
  userId: string,
  input: { name: string; scopes: ApiTokenScope[]; expiresAt?: string | null | undefined },
): Promise<{ token: ApiToken; secret: string }> {
  const expiresAt = expiryOf(input.expiresAt);
  return db.knex.transaction(async (trx) => {
    // The organization's lock makes the count and the insert one step under parallel creations.
    await lockOrganization(trx, organizationId);
    if ((await queries.countActiveTokens(trx, organizationId)) >= MAX_API_TOKENS_PER_ORGANIZATION)
      throw ApiError.of(ApiTokenErrors, 'too_many_api_tokens');
    for (let attempt = 0; attempt < LOOKUP_ID_ATTEMPTS; attempt++) {
      const { token, lookupId } = generateApiToken();
      const id = await queries.insertToken(trx, {
        organizationId,
        userId,
        name: input.name,
        tokenHash: hashToken(token),
        lookupId,
        scopes: input.scopes,
        expiresAt,
      });
      if (id) return { token: toApiToken((await queries.tokenById(trx, organizationId, id))!), secret: token };
    }
    throw new Error('api token: no free lookup id after several draws');
  });
}

/** Revokes a token of the organization; 404 for one it does not have (or already revoked). */
export async function revokeApiToken({ db }: Services, organizationId: string, tokenId: string): Promise<void> {
  if (!(await queries.revokeToken(db.knex, organizationId, tokenId))) throw ApiError.of(ApiTokenErrors, 'not_found');
}
