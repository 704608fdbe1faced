/**
 * Single-use secrets for emailed links (email verification, password reset) and for handing a
 * fresh session to the page that asked for it (session exchange codes). Issuing one supersedes
 * the user's earlier open ones of the same purpose; consuming is one atomic
 * `UPDATE … WHERE used_at IS NULL … RETURNING`, so the same token sent 20 times in parallel
 * succeeds once (docs/security.md B1), and expired, used, superseded and unknown tokens all fail the
 * same way (B3). A token of an emailed link keeps the mail's language, so that the link's landing
 * page speaks it too.
 *
 * The module has no routes and no service of its own: it is the tokens' queries, called by the
 * services of the flows that use them (passwords, email verification, the email change, the
 * sessions' hand-over).
 */
import type { Knex } from 'knex';
import { matchLanguage, type Language } from '../../i18n';
import { hashToken, looksLikeToken, randomToken } from '../../security/tokens';

export type TokenPurpose =
  | 'email_verification'
  | 'password_reset'
  | 'session_exchange'
  | 'email_change'
  | 'email_change_undo'
  | 'deletion_cancel';

/** How long each kind of token lives, in seconds. */
export const TOKEN_TTL_SECONDS: Record<TokenPurpose, number> = {
  email_verification: 24 * 3600,
  password_reset: 30 * 60,
  // The hand-over from a link's landing page to the page that asked: a redirect, then possibly a
  // question ("Sign in as …?") when another browser asked for the link, which needs reading time.
  session_exchange: 600,
  // The new address's confirmation link of an email change, and the old address's undo link.
  email_change: 24 * 3600,
  email_change_undo: 72 * 3600,
  // The cancel link of a scheduled account deletion: as long as the grace period (`ttlSeconds`), 30 days by default.
  deletion_cancel: 30 * 86_400,
};

export interface IssueOptions {
  userId: string;
  purpose: TokenPurpose;
  redirectUrl?: string | undefined;
  data?: Record<string, unknown>;
  ip?: string | undefined;
  /** The language of the mail that carries the token (kept in `data.language`). */
  language?: Language | undefined;
  /**
   * Whether the new token retires the user's open ones of its purpose (the default). An email
   * change's undo links must not: a second change would otherwise take the first one's undo away.
   */
  supersede?: boolean;
  /** Its lifetime, when it is not the purpose's usual one (TOKEN_TTL_SECONDS). */
  ttlSeconds?: number;
}

export interface ConsumedToken {
  id: string;
  userId: string;
  redirectUrl: string | null;
  data: Record<string, unknown>;
  /** The language the token was issued with, if any. */
  language: Language | undefined;
}

/** Retires the user's open tokens of `purpose`: their links stop working. */
export async function retireTokens(db: Knex | Knex.Transaction, userId: string, purpose: TokenPurpose): Promise<void> {
  await db('auth.one_time_tokens')
    .where({ user_id: userId, purpose })
    .whereNull('used_at')
    .update({ used_at: db.fn.now() });
}

/** Issues a token and returns its secret, which exists only in this return value and the email. */
export async function issueToken(db: Knex | Knex.Transaction, options: IssueOptions): Promise<string> {
  const token = randomToken();
  if (options.supersede !== false) await retireTokens(db, options.userId, options.purpose);
  await db('auth.one_time_tokens').insert({
    user_id: options.userId,
    purpose: options.purpose,
    token_hash: hashToken(token),
    redirect_url: options.redirectUrl ?? null,
    data: JSON.stringify({ ...options.data, ...(options.language ? { language: options.language } : {}) }),
    ip_address: options.ip ?? null,
    expires_at: db.raw(`now() + make_interval(secs => ?)`, [options.ttlSeconds ?? TOKEN_TTL_SECONDS[options.purpose]]),
  });
  return token;
}

/** Uses up a token: its details once, undefined for anything not currently valid. */
export async function consumeToken(
  db: Knex | Knex.Transaction,
  purpose: TokenPurpose,
  token: unknown,
): Promise<ConsumedToken | undefined> {
  if (!looksLikeToken(token)) return undefined; // no lookup for what we cannot have issued
  const [row] = await db('auth.one_time_tokens')
    .where({ token_hash: hashToken(token), purpose })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .update({ used_at: db.fn.now() })
    .returning(['id', 'user_id', 'redirect_url', 'data']);
  return row && toToken(row);
}

/** A token row as the modules see it. */
function toToken(row: {
  id: string;
  user_id: string;
  redirect_url: string | null;
  data: Record<string, unknown> | null;
}): ConsumedToken {
  const data = row.data ?? {};
  return {
    id: row.id,
    userId: row.user_id,
    redirectUrl: row.redirect_url,
    data,
    language: matchLanguage(data.language),
  };
}

/** A token's details while it is valid, without using it (a landing page's GET must consume nothing). */
export async function peekToken(
  db: Knex | Knex.Transaction,
  purpose: TokenPurpose,
  token: unknown,
): Promise<ConsumedToken | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const row = await db('auth.one_time_tokens')
    .where({ token_hash: hashToken(token), purpose })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .first('id', 'user_id', 'redirect_url', 'data');
  return row && toToken(row);
}
