/**
 * Sign-in by emailed link (the seed's `magic_links`): one answer whatever the address (A4), an
 * account made on first use when sign-up is open, a 256-bit token stored only as its hash, ten
 * minutes to live, single use, and a newer link supersedes the older ones (B3). Consumption is one
 * atomic `UPDATE … WHERE used_at IS NULL … RETURNING` (B1). The SQL is in magic-links.queries.ts.
 */
import { randomUUID } from 'node:crypto';
import type { MagicLinkStatus } from '../../../contract/auth';
import type { Services } from '../../services';
import { hashToken, looksLikeToken, randomToken } from '../../security/tokens';
import { mailOptions, mailTemplates } from '../mail/templates';
import { mailLimits } from '../rate-limit/policies';
import { enforceLimits } from '../rate-limit/rate-limit';
import type { RequestContext } from '../sessions/request-context';
import { browserKeyHash } from '../sessions/browser-binding';
import { handOverUrl } from '../sessions/hand-over';
import { proveAddress } from '../users/address-proof';
import { findOrCreateUser, findUserByEmail, findUserById } from '../users/users.queries';
import { matchLanguage, type Language } from '../../i18n';
import { expireOpenLinks, findOpenLink, insertLink, isLinkUsed, useLink } from './magic-links.queries';

export const MAGIC_LINK_PATH = '/auth/magic-link';

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
    await expireOpenLinks(trx, email); // a newer link supersedes the older ones (B3)
    const id = await insertLink(trx, {
      userId: user?.id ?? null,
      email,
      tokenHash: hashToken(token),
      redirectUrl,
      ip: context.ip,
      browserKeyHash: browserKeyHash(browserKey),
      locale: options.lang,
      ttlSeconds: config.magicLinkTtlSeconds,
    });
    await mail.enqueue(trx, {
      to: email,
      template: 'magicLink',
      content: mailTemplates.magicLink(
        options,
        `${config.publicUrl}${MAGIC_LINK_PATH}?token=${token}`,
        Math.round(config.magicLinkTtlSeconds / 60),
      ),
    });
    return id;
  });
}

/** A link that can be used now, without using it (the landing page's GET): its language, or undefined. */
export async function findOpenMagicLink(
  { db }: Services,
  token: unknown,
): Promise<{ language: Language | undefined } | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const link = await findOpenLink(db.knex, hashToken(token));
  return link && { language: matchLanguage(link.locale) };
}

/**
 * The landing page's "Continue": uses up a link and proves its address (users/address-proof.ts),
 * in one transaction, then returns where to send the browser — the page that asked (else the
 * site), with a hand-over code; undefined when the link cannot be used.
 */
export async function consumeMagicLink(services: Services, token: unknown): Promise<string | undefined> {
  const { config, db } = services;
  if (!looksLikeToken(token)) return undefined;
  const consumed = await db.knex.transaction(async (trx) => {
    const link = await useLink(trx, hashToken(token));
    if (!link) return undefined;
    // A new address gets its account on first use of its link, while sign-up is open.
    const known = (link.user_id && (await findUserById(trx, link.user_id))) || (await findUserByEmail(trx, link.email));
    const user = known ?? (config.signUpEnabled ? await findOrCreateUser(trx, link.email, link.locale) : undefined);
    if (!user) return undefined;
    return {
      user: await proveAddress(trx, user.id),
      redirectUrl: link.redirect_url,
      browserKeyHash: link.browser_key_hash,
    };
  });
  if (!consumed) return undefined;
  const redirectUrl = consumed.redirectUrl ?? `${config.redirectAllowlist[0]}/`;
  return handOverUrl(db.knex, {
    userId: consumed.user.id,
    method: 'magic_link',
    flow: 'magic_link',
    redirectUrl,
    browserKeyHash: consumed.browserKeyHash,
  });
}

/**
 * What the asking page may learn about its link: only whether it was used. An expired link and
 * an address that never got one both stay "pending" (the page stops polling after the link's
 * lifetime), so polling cannot tell known addresses from unknown ones.
 */
export async function magicLinkStatus({ db }: Services, id: string): Promise<MagicLinkStatus> {
  return (await isLinkUsed(db.knex, id)) ? 'used' : 'pending';
}
