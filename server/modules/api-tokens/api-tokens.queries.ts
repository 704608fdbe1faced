/**
 * The SQL of API tokens, on the service connection (the organization tables have no row-level
 * security: every check is in org-access.ts and the service). "Active" means neither revoked nor
 * expired, judged by the database's clock so every server process agrees.
 */
import type { Knex } from 'knex';
import type { ApiTokenScope } from '../../../contract/constants';

type Db = Knex | Knex.Transaction;

const ACTIVE = '(t.revoked_at is null and (t.expires_at is null or t.expires_at > now()))';

/** A token's row as its organization's admins see it (never `token_hash`). */
export interface ApiTokenRow {
  id: string;
  name: string;
  token_prefix: string;
  scopes: ApiTokenScope[] | null;
  user_id: string | null;
  creator_email: string | null;
  creator_display_name: string | null;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
}

function selectTokens(db: Db) {
  return db({ t: 'api_tokens' })
    .leftJoin({ u: 'auth.users' }, 'u.id', 't.user_id')
    .select<ApiTokenRow[]>(
      't.id',
      't.name',
      't.token_prefix',
      't.scopes',
      't.user_id',
      'u.email as creator_email',
      'u.display_name as creator_display_name',
      't.created_at',
      't.last_used_at',
      't.expires_at',
    );
}

/** The organization's tokens that are not revoked, newest first. */
export async function tokensOf(db: Db, organizationId: string): Promise<ApiTokenRow[]> {
  return selectTokens(db)
    .where('t.organization_id', organizationId)
    .whereNull('t.revoked_at')
    .orderBy([
      { column: 't.created_at', order: 'desc' },
      { column: 't.id', order: 'desc' },
    ]);
}

export async function tokenById(db: Db, organizationId: string, id: string): Promise<ApiTokenRow | undefined> {
  return selectTokens(db).where({ 't.organization_id': organizationId, 't.id': id }).first();
}

/** How many tokens of the organization still work. */
export async function countActiveTokens(db: Db, organizationId: string): Promise<number> {
  const row = await db({ t: 'api_tokens' })
    .where('t.organization_id', organizationId)
    .whereRaw(ACTIVE)
    .count<{ count: string | number }>('* as count')
    .first();
  return Number(row?.count ?? 0);
}

export interface NewTokenRow {
  organizationId: string;
  userId: string;
  name: string;
  tokenHash: string;
  lookupId: string;
  scopes: ApiTokenScope[];
  expiresAt: Date | null;
}

/**
 * Inserts a token; undefined when its lookup id is already taken (one chance in 2.8 × 10¹² per
 * existing token: the caller draws another).
 */
export async function insertToken(db: Db, token: NewTokenRow): Promise<string | undefined> {
  const rows = await db('api_tokens')
    .insert({
      organization_id: token.organizationId,
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      token_prefix: token.lookupId,
      scopes: JSON.stringify(token.scopes),
      expires_at: token.expiresAt,
    })
    .onConflict('token_prefix')
    .ignore()
    .returning('id');
  return (rows as { id: string }[])[0]?.id;
}

/** Revokes an active-or-expired token; false when there is none such in the organization. */
export async function revokeToken(db: Db, organizationId: string, id: string): Promise<boolean> {
  const rows = await db('api_tokens')
    .where({ organization_id: organizationId, id })
    .whereNull('revoked_at')
    .update({ revoked_at: db.fn.now() })
    .returning('id');
  return rows.length > 0;
}

/** What a presented token is checked against. */
export interface PresentedTokenRow {
  id: string;
  organization_id: string;
  token_hash: string;
  scopes: ApiTokenScope[] | null;
}

/** The active token with this lookup id, if any: its hash is compared by the caller, in constant time. */
export async function activeTokenByLookupId(db: Db, lookupId: string): Promise<PresentedTokenRow | undefined> {
  return db({ t: 'api_tokens' })
    .where('t.token_prefix', lookupId)
    .whereRaw(ACTIVE)
    .first<PresentedTokenRow | undefined>('t.id', 't.organization_id', 't.token_hash', 't.scopes');
}

/** The minimum time between two writes of `last_used_at`. */
export const LAST_USED_RESOLUTION = "interval '1 minute'";

/**
 * Records a use, at most once a minute per token: a token called a hundred times a second costs
 * one write a minute, not a hundred a second. One conditional statement, so parallel requests
 * cannot both write.
 */
export async function touchLastUsed(db: Db, id: string): Promise<void> {
  await db('api_tokens')
    .where({ id })
    .whereRaw(`(last_used_at is null or last_used_at < now() - ${LAST_USED_RESOLUTION})`)
    .update({ last_used_at: db.fn.now() });
}
