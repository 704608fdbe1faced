/**
 * The magic-links module's SQL, on `magic_links`: a link's token is stored only as its hash, and
 * using one is a single `UPDATE … WHERE used_at IS NULL … RETURNING` (docs/security.md B1).
 */
import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

export interface NewMagicLink {
  userId: string | null;
  email: string;
  tokenHash: string;
  redirectUrl: string;
  ip: string | undefined;
  browserKeyHash: string | null;
  locale: string;
  ttlSeconds: number;
}

/**
 * Ends the address's open links now. They expire rather than count as used: the page polling an
 * older link must not think it was clicked.
 */
export async function expireOpenLinks(db: Db, email: string): Promise<void> {
  await db('magic_links')
    .whereRaw('lower(email) = ?', [email])
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .update({ expires_at: db.fn.now() });
}

/** Stores a new link; returns its id (what the asking page polls). */
export async function insertLink(db: Db, link: NewMagicLink): Promise<string> {
  const [row] = await db('magic_links')
    .insert({
      user_id: link.userId,
      email: link.email,
      token_hash: link.tokenHash,
      redirect_url: link.redirectUrl,
      ip_address: link.ip ?? null,
      browser_key_hash: link.browserKeyHash,
      locale: link.locale,
      expires_at: db.raw('now() + make_interval(secs => ?)', [link.ttlSeconds]),
    })
    .returning('id');
  return row!.id;
}

/** The stored language of the link with this token hash, if it can be used now; undefined when it cannot. */
export async function findOpenLink(db: Db, tokenHash: string): Promise<{ locale: string | null } | undefined> {
  return db('magic_links')
    .where({ token_hash: tokenHash })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .first('locale');
}

/** Uses up the link with this token hash, atomically; its details once, undefined for anything not currently valid. */
export async function useLink(db: Db, tokenHash: string) {
  const [link] = await db('magic_links')
    .where({ token_hash: tokenHash })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .update({ used_at: db.fn.now() })
    .returning(['id', 'user_id', 'email', 'redirect_url', 'browser_key_hash', 'locale']);
  return link;
}

/** Whether the link with this id was used. */
export async function isLinkUsed(db: Db, id: string): Promise<boolean> {
  return Boolean(await db('magic_links').where({ id }).whereNotNull('used_at').first('id'));
}
