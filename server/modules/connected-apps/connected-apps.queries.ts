/**
 * SQL of connected apps. `connected_apps` has no row-level security (it belongs to an
 * organization, not a user: docs/security.md F1), so every caller has checked the actor's role
 * first (organizations/access.ts); these queries always name the organization as well as the row.
 */
import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

/** A current connection, with who made it. */
export interface ConnectionRow {
  id: string;
  organizationId: string;
  userId: string | null;
  provider: string;
  providerAccountId: string | null;
  scopes: string[];
  accessTokenSealed: string | null;
  refreshTokenSealed: string | null;
  tokenExpiresAt: Date | null;
  lastSyncAt: Date | null;
  connectedAt: Date;
  connectedByEmail: string | null;
  connectedByName: string | null;
}

const COLUMNS = [
  'c.id as id',
  'c.organization_id as organizationId',
  'c.user_id as userId',
  'c.provider as provider',
  'c.provider_account_id as providerAccountId',
  'c.scopes as scopes',
  'c.access_token_encrypted as accessTokenSealed',
  'c.refresh_token_encrypted as refreshTokenSealed',
  'c.token_expires_at as tokenExpiresAt',
  'c.last_sync_at as lastSyncAt',
  'c.connected_at as connectedAt',
  'u.email as connectedByEmail',
  'u.display_name as connectedByName',
];

const current = (db: Db) =>
  db('connected_apps as c')
    .leftJoin('auth.users as u', 'u.id', 'c.user_id')
    .whereNull('c.disconnected_at')
    .select(COLUMNS);

const normalise = (row: ConnectionRow): ConnectionRow => ({ ...row, scopes: row.scopes ?? [] });

export async function listConnections(db: Db, organizationId: string): Promise<ConnectionRow[]> {
  const rows = (await current(db)
    .where('c.organization_id', organizationId)
    .orderBy([
      { column: 'c.connected_at', order: 'desc' },
      { column: 'c.id', order: 'asc' },
    ])) as ConnectionRow[];
  return rows.map(normalise);
}

/** One current connection of the organization, locked for the transaction (refresh, disconnect). */
export async function lockConnection(
  trx: Knex.Transaction,
  organizationId: string,
  id: string,
  { skipLocked = false } = {},
): Promise<ConnectionRow | undefined> {
  const query = current(trx).where({ 'c.id': id, 'c.organization_id': organizationId }).forUpdate('c');
  if (skipLocked) query.skipLocked();
  const row = (await query.first()) as ConnectionRow | undefined;
  return row && normalise(row);
}

export async function findCurrentByProvider(
  trx: Knex.Transaction,
  organizationId: string,
  provider: string,
): Promise<ConnectionRow | undefined> {
  const row = (await current(trx)
    .where({ 'c.organization_id': organizationId, 'c.provider': provider })
    .forUpdate('c')
    .first()) as ConnectionRow | undefined;
  return row && normalise(row);
}

export interface SealedTokens {
  accessTokenSealed: string;
  refreshTokenSealed: string | null;
  tokenExpiresAt: Date | null;
  scopes: string[];
}

/** A new current connection (the id is chosen by the caller: the tokens are sealed to it). */
export async function insertConnection(
  trx: Knex.Transaction,
  row: { id: string; organizationId: string; userId: string; provider: string; providerAccountId: string | null },
  tokens: SealedTokens,
): Promise<void> {
  await trx('connected_apps').insert({
    id: row.id,
    organization_id: row.organizationId,
    user_id: row.userId,
    provider: row.provider,
    provider_account_id: row.providerAccountId,
    connected_at: trx.fn.now(),
    last_sync_at: trx.fn.now(),
    ...tokenColumns(tokens),
  });
}

const tokenColumns = (tokens: SealedTokens) => ({
  access_token_encrypted: tokens.accessTokenSealed,
  refresh_token_encrypted: tokens.refreshTokenSealed,
  token_expires_at: tokens.tokenExpiresAt,
  scopes: JSON.stringify(tokens.scopes),
});

/** New tokens for a connection: after a refresh, or a reconnect (then also who and which account). */
export async function saveTokens(
  trx: Knex.Transaction,
  id: string,
  tokens: SealedTokens,
  reconnect?: { userId: string; providerAccountId: string | null },
): Promise<void> {
  await trx('connected_apps')
    .where({ id })
    .update({
      ...tokenColumns(tokens),
      last_sync_at: trx.fn.now(),
      ...(reconnect
        ? { user_id: reconnect.userId, provider_account_id: reconnect.providerAccountId, connected_at: trx.fn.now() }
        : {}),
    });
}

/** Disconnected: the tokens are dropped, the row stays as history (and for the data export). */
export async function markDisconnected(trx: Knex.Transaction, id: string): Promise<void> {
  await trx('connected_apps').where({ id }).update({
    disconnected_at: trx.fn.now(),
    access_token_encrypted: null,
    refresh_token_encrypted: null,
    token_expires_at: null,
  });
}

/** Current connections whose access token expires before `before` and that can be refreshed. */
export async function connectionsDueForRefresh(
  db: Db,
  before: Date,
  limit: number,
): Promise<Array<{ id: string; organizationId: string }>> {
  return db('connected_apps')
    .whereNull('disconnected_at')
    .whereNotNull('refresh_token_encrypted')
    .whereNotNull('token_expires_at')
    .where('token_expires_at', '<', before)
    .orderBy('token_expires_at')
    .limit(limit)
    .select('id', 'organization_id as organizationId');
}

export interface ConnectAttempt {
  organizationId: string;
  userId: string;
  sessionId: string;
  provider: string;
  codeVerifier: string;
  returnTo: string;
}

export async function insertConnectAttempt(
  db: Db,
  attempt: ConnectAttempt & { stateHash: string; ttlSeconds: number },
): Promise<void> {
  await db('connected_app_attempts').insert({
    state_hash: attempt.stateHash,
    organization_id: attempt.organizationId,
    user_id: attempt.userId,
    session_id: attempt.sessionId,
    provider: attempt.provider,
    code_verifier: attempt.codeVerifier,
    return_to: attempt.returnTo,
    expires_at: db.raw(`now() + make_interval(secs => ?)`, [attempt.ttlSeconds]),
  });
}

/** Where the browser goes back to for an attempt still open (the callback page); no use made of it. */
export async function returnAddressOfAttempt(db: Db, stateHash: string): Promise<string | undefined> {
  const row = (await db('connected_app_attempts')
    .where({ state_hash: stateHash })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .first('return_to')) as { return_to: string } | undefined;
  return row?.return_to;
}

/**
 * Uses the attempt up, only for the session, user and organization that started it: of two
 * redemptions one wins, and a state redeemed by anyone else is used up by nobody.
 */
export async function useConnectAttempt(
  db: Db,
  stateHash: string,
  bound: { organizationId: string; userId: string; sessionId: string },
): Promise<ConnectAttempt | undefined> {
  const [row] = (await db('connected_app_attempts')
    .where({
      state_hash: stateHash,
      organization_id: bound.organizationId,
      user_id: bound.userId,
      session_id: bound.sessionId,
    })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .update({ used_at: db.fn.now() })
    .returning([
      'organization_id as organizationId',
      'user_id as userId',
      'session_id as sessionId',
      'provider',
      'code_verifier as codeVerifier',
      'return_to as returnTo',
    ])) as ConnectAttempt[];
  return row;
}

export async function deleteOldConnectAttempts(db: Db): Promise<number> {
  return db('connected_app_attempts').where('expires_at', '<', db.raw("now() - interval '1 day'")).delete();
}
