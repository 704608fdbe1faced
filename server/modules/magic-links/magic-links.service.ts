/**
 * Sign-in by emailed link (the seed's `magic_links`): one answer whatever the address (A4), an
 * account made on first use when sign-up is open, a 256-bit token stored only as its hash, ten
 * minutes to live, single use, and a newer link supersedes the older ones (B3). Consumption is one
 * atomic `UPDATE … WHERE used_at IS NULL … RETURNING` (B1).
 */
import { randomUUID } from 'node:crypto';
import type { Services } from '../../services';
import { hashToken, looksLikeToken, randomToken } from '../../security/tokens';
import { mailOptions, mailTemplates } from '../mail/templates';
import { mailLimits } from '../rate-limit/policies';
import { enforceLimits } from '../rate-limit/rate-limit';
import type { RequestContext } from '../sessions/request-context';
import { browserKeyHash } from '../sessions/browser-binding';
import { proveAddress } from '../users/address-proof';
import { findOrCreateUser, findUserByEmail, findUserById } from '../users/users';
import type { UserRow } from '../../db/tables';
import { matchLanguage, type Language } from '../../i18n';

export const MAGIC_LINK_PATH = '/auth/magic-link';

/**
 * What the asking page may learn about its link: only whether it was used. An expired link and
 * an address that never got one both stay "pending" (the page stops polling after the link's
 * lifetime), so polling cannot tell known addresses from unknown ones.
 */
export type LinkStatus = 'pending' | 'used';

/**
 * Mails a sign-in link when the address may sign in (it has an account, or sign-up is open), and
 * returns an id the asking page can poll. For an address that gets no mail, the id is made up and
 * simply never turns "used", so the answer reveals nothing.
 */
export async function requestMagicLink(
  services: Services,
  { email, redirectUrl, browserKey }: { email: string; redirectUrl: string; browserKey?: string | undefined },
  context: RequestContext,
): Promise<string> {
  const { config, db, mail } = services;
  await enforceLimits(db.knex, [
    ...mailLimits(config.rateLimits, context.ip, email),
    { action: 'magic-link:address', identifier: email, policy: config.rateLimits['magic-link:address'] },
  ]);
  const user = await findUserByEmail(db.knex, email);
  if (!user && !config.signUpEnabled) return randomUUID();

  const token = randomToken();
  // The user's language, else the asking page's; kept with the link for its landing page.
  const options = mailOptions(config, user?.locale, context.language);
  return db.knex.transaction(async (trx) => {
    // Superseded links expire now rather than count as used: the page polling an older link must
    // not think it was clicked.
    await trx('magic_links')
      .whereRaw('lower(email) = ?', [email])
      .whereNull('used_at')
      .where('expires_at', '>', trx.fn.now())
      .update({ expires_at: trx.fn.now() });
    const [link] = await trx('magic_links')
      .insert({
        user_id: user?.id ?? null,
        email,
        token_hash: hashToken(token),
        redirect_url: redirectUrl,
        ip_address: context.ip ?? null,
        browser_key_hash: browserKeyHash(browserKey),
        locale: options.lang,
        expires_at: trx.raw('now() + make_interval(secs => ?)', [config.magicLinkTtlSeconds]),
      })
      .returning('id');
    await mail.enqueue(trx, {
      to: email,
      template: 'magicLink',
      content: mailTemplates.magicLink(
        options,
        `${config.publicUrl}${MAGIC_LINK_PATH}?token=${token}`,
        Math.round(config.magicLinkTtlSeconds / 60),
      ),
    });
    return link!.id;
  });
}

/** A link that can be used now, without using it (the landing page's GET): its language, or undefined. */
export async function findOpenMagicLink({ db }: Services, token: unknown): Promise<{ language: Language | undefined } | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const row = await db.knex('magic_links').where({ token_hash: hashToken(token) }).whereNull('used_at').where('expires_at', '>', db.knex.fn.now()).first('locale');
  return row && { language: matchLanguage(row.locale) };
}

/**
 * Uses up a link and proves its address (users/address-proof.ts), in one transaction; returns the
 * (possibly new) user, where to return and the asking browser's key hash, or undefined.
 */
export async function consumeMagicLink(
  services: Services,
  token: unknown,
): Promise<{ user: UserRow; redirectUrl: string | null; browserKeyHash: string | null } | undefined> {
  const { config, db } = services;
  if (!looksLikeToken(token)) return undefined;
  return db.knex.transaction(async (trx) => {
    const [link] = await trx('magic_links')
      .where({ token_hash: hashToken(token) })
      .whereNull('used_at')
      .where('expires_at', '>', trx.fn.now())
      .update({ used_at: trx.fn.now() })
      .returning(['id', 'user_id', 'email', 'redirect_url', 'browser_key_hash', 'locale']);
    if (!link) return undefined;
    // A new address gets its account on first use of its link, while sign-up is open.
    const known = (link.user_id && (await findUserById(trx, link.user_id))) || (await findUserByEmail(trx, link.email));
    const user = known ?? (config.signUpEnabled ? await findOrCreateUser(trx, link.email, link.locale) : undefined);
    if (!user) return undefined;
    return { user: await proveAddress(trx, user.id), redirectUrl: link.redirect_url, browserKeyHash: link.browser_key_hash };
  });
}

export async function magicLinkStatus({ db }: Services, id: string): Promise<LinkStatus> {
  const row = await db.knex('magic_links').where({ id }).whereNotNull('used_at').first('id');
  return row ? 'used' : 'pending';
}
