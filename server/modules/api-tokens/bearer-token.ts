/**
 * Authenticating a server-to-server call by its API token (`Authorization: Bearer acct_live_…`).
 * The order is the security: the format and checksum are checked first, with no I/O, so a
 * malformed or mistyped token costs no query; then the one active row with the token's lookup
 * id is read and the SHA-256 of the presented token compared with its hash in constant time.
 * Revoked and expired tokens are simply not active: a revocation holds from the next request
 * (docs/security.md G1). A valid token then spends from its own rate-limit bucket
 * (`api-token:token`) and records its use at most once a minute.
 */
import type { Request } from 'express';
import { ApiTokenErrors } from '../../../contract/api-tokens';
import type { ApiTokenScope } from '../../../contract/constants';
import { ApiError } from '../../http/errors';
import { constantTimeEqual, hashToken } from '../../security/tokens';
import type { Services } from '../../services';
import { enforceLimits } from '../rate-limit/rate-limit';
import { activeTokenByLookupId, touchLastUsed } from './api-tokens.queries';
import { claimsToBeApiToken, parseApiToken } from './token-format';

/** An authenticated API token: what it may do, and for which organization. */
export interface TokenCaller {
  tokenId: string;
  organizationId: string;
  scopes: ApiTokenScope[];
}

/** The bearer value of the request, if it carries one. */
export function bearerOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** Whether the request presents an API token (well-formed or not): then it is judged as one only. */
export function presentsApiToken(req: Request): boolean {
  const bearer = bearerOf(req);
  return bearer !== undefined && claimsToBeApiToken(bearer);
}

/** The token the request presents, authenticated; 401 `api_token_invalid` for anything else. */
export async function authenticateApiToken(services: Services, req: Request): Promise<TokenCaller> {
  const presented = bearerOf(req) ?? '';
  const parsed = parseApiToken(presented);
  if (!parsed) throw ApiError.of(ApiTokenErrors, 'api_token_invalid');
  const { knex } = services.db;
  const row = await activeTokenByLookupId(knex, parsed.lookupId);
  // Hash even when there is no row, so an unknown id and a wrong secret take the same work.
  const hash = hashToken(presented);
  if (!row || !constantTimeEqual(hash, row.token_hash)) throw ApiError.of(ApiTokenErrors, 'api_token_invalid');
  await enforceLimits(knex, [
    { action: 'api-token:token', identifier: row.id, policy: services.config.rateLimits['api-token:token'] },
  ]);
  await touchLastUsed(knex, row.id);
  return { tokenId: row.id, organizationId: row.organization_id, scopes: row.scopes ?? [] };
}

/** 403 `api_token_scope` unless the token holds `scope`. */
export function requireScope(caller: TokenCaller, scope: ApiTokenScope): void {
  if (!caller.scopes.includes(scope)) throw ApiError.of(ApiTokenErrors, 'api_token_scope');
}

// Express's request type is extended by declaration merging, on the module that declares it.
declare module 'express-serve-static-core' {
  interface Request {
    /** The API token a `siteSecretOrApiToken` route was called with (absent for the site secret). */
    apiToken?: TokenCaller;
  }
}
