/**
 * Invitations to an organization: owners and admins invite an address (mailed a link to the
 * hosted page `/auth/invitation`), list, revoke and re-send the open ones; whoever holds the link
 * accepts it there. The rules:
 * - a 256-bit token, only its hash stored, a week to live; re-sending gives a new token (the old
 *   link dies), and inviting an address that has an open invitation re-sends that one instead of
 *   adding a second;
 * - mail is limited by the mail buckets (per client address, per recipient), and the resend route
 *   to one mail a minute per invitation;
 * - inviting as admin takes an owner, as making a member admin does (an admin who could invite as
 *   admin could promote anyone by removing and re-inviting them); inviting as member, an admin;
 * - an invitation stands on its inviter's authority: it can be accepted only while whoever last
 *   (re)sent it may still grant its role (invitations.queries.ts), so an admin who is removed or
 *   demoted cannot come back through a link they sent to themselves; the list marks such
 *   invitations `lapsed`;
 * - acceptance consumes the invitation atomically, then finds the account of the invited address
 *   or — when sign-up is open — creates it (no password), proves its address (the link does:
 *   users/address-proof.ts), adds the membership (already a member: nothing changes), and hands a session over to the site,
 *   all in one transaction — to an account that existed before only while the link is as fresh as a
 *   sign-in link (ACCT_MAGIC_LINK_TTL); an older one joins without signing in (acceptInvitation).
 * A mailed invitation is announced as the domain event `organization.invitation_sent`, inside its
 * transaction (server/events/domain-events.ts): the setup checklist ticks `invite_team` with it.
 * The mail buckets are spent here, after the role checks, so that a refused request spends nothing.
 */
import type { Knex } from 'knex';
import {
  OrganizationErrors,
  type Invitation,
  type InvitedRole,
  type OrganizationRole,
} from '../../../contract/organizations';
import { iso } from '../../../contract/wire';
import type { OrganizationInvitationRow, UserRow } from '../../db/tables';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import { matchLanguage, pickLanguage, type Language } from '../../i18n';
import { hashToken, looksLikeToken, randomToken } from '../../security/tokens';
import { mailTemplates } from '../mail/templates';
import { mailLimits } from '../rate-limit/policies';
import { enforceLimits, RateLimitErrors } from '../rate-limit/rate-limit';
import { handOverUrl } from '../sessions/hand-over';
import type { RequestContext } from '../sessions/request-context';
import { proveAddress } from '../users/address-proof';
import { findOrCreateUser, findUserByEmail, findUserById } from '../users/users.queries';
import { isAtLeast, requireRole, type Actor } from './access';
import {
  consumeInvitation,
  insertInvitation,
  INVITATION_TTL_DAYS,
  openInvitationById,
  openInvitations,
  openInvitationTo,
  recordAcceptedBy,
  renewInvitation,
  revokeInvitation as revokeOpenInvitation,
  usableInvitation,
} from './invitations.queries';
import { addMember, isMemberByEmail, lockOrganization, organizationFor } from './organizations.queries';

export const INVITATION_PATH = '/auth/invitation';

/** The least role that may invite as `role` (and re-send such an invitation). */
const INVITER_OF: Record<InvitedRole, OrganizationRole> = { member: 'admin', admin: 'owner' };

/**
 * An invitation as owners and admins see it: never its token or hash. One just (re)sent stands on
 * the actor's authority, checked in the same transaction: not lapsed.
 */
const toInvitation = (row: OrganizationInvitationRow & { lapsed?: boolean }): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  invitedBy: row.invited_by,
  lapsed: row.lapsed ?? false,
  expiresAt: iso(row.expires_at),
  lastSentAt: iso(row.last_sent_at),
  createdAt: iso(row.created_at),
});

/**
 * The language of an invitation mail to `email` (and of its landing page): the invitee's own when
 * they have an account that names one, else `requested` (what the invitation had, then the
 * inviting request's), else the default.
 */
async function invitationLanguage(
  { config }: Services,
  trx: Knex.Transaction,
  email: string,
  ...requested: unknown[]
): Promise<Language> {
  const invitee = await findUserByEmail(trx, email);
  return pickLanguage([invitee?.locale, ...requested], config.defaultLanguage, config.languages);
}

/** Queues the invitation mail with a link holding `token`, naming the actor as the inviter. */
async function mailInvitation(
  services: Services,
  trx: Knex.Transaction,
  actor: Actor,
  to: string,
  token: string,
  lang: Language,
): Promise<void> {
  const { config, mail } = services;
  const org = await organizationFor(trx, actor.organizationId, actor.userId);
  const inviter = await findUserById(trx, actor.userId);
  await mail.enqueue(trx, {
    to,
    template: 'organizationInvitation',
    content: mailTemplates.organizationInvitation(
      { brand: config.brand, lang },
      { organizationName: org!.name, inviter: inviter?.display_name || inviter!.email, ttlDays: INVITATION_TTL_DAYS },
      `${config.publicUrl}${INVITATION_PATH}?token=${token}`,
    ),
  });
}

/**
 * Invites `email` (owners; admins as member only). 409 `already_member` when its account is a member; an open
 * invitation to it is renewed and re-sent (`created: false`) with the new role and return page.
 */
export async function inviteMember(
  services: Services,
  actor: Actor,
  input: { email: string; role: InvitedRole; redirectUrl: string },
  context: RequestContext,
): Promise<{ invitation: Invitation; created: boolean }> {
  const { config, db, events } = services;
  return db.knex.transaction(async (trx) => {
    // The lock serialises invitations to one organization: two parallel invitations to the same
    // address then renew one row instead of colliding on the one-open-invitation index.
    await requireRole(trx, actor, INVITER_OF[input.role], { lock: true });
    if (await isMemberByEmail(trx, actor.organizationId, input.email))
      throw ApiError.of(OrganizationErrors, 'already_member');
    await enforceLimits(trx, mailLimits(config.rateLimits, context.ip, input.email));

    const token = randomToken();
    const existing = await openInvitationTo(trx, actor.organizationId, input.email);
    const locale = await invitationLanguage(services, trx, input.email, context.language);
    const row = existing
      ? await renewInvitation(trx, existing.id, hashToken(token), {
          role: input.role,
          invitedBy: actor.userId,
          redirectUrl: input.redirectUrl,
          locale,
        })
      : await insertInvitation(trx, {
          organizationId: actor.organizationId,
          email: input.email,
          role: input.role,
          tokenHash: hashToken(token),
          invitedBy: actor.userId,
          redirectUrl: input.redirectUrl,
          locale,
        });
    await mailInvitation(services, trx, actor, row.email, token, locale);
    await events.publish(trx, {
      type: 'organization.invitation_sent',
      userId: actor.userId,
      organizationId: actor.organizationId,
      email: row.email,
    });
    return { invitation: toInvitation(row), created: !existing };
  });
}

/** The open invitations (owners and admins). */
export async function listInvitations({ db }: Services, actor: Actor): Promise<Invitation[]> {
  await requireRole(db.knex, actor, 'admin');
  return (await openInvitations(db.knex, actor.organizationId)).map(toInvitation);
}

/** Revokes an open invitation (owners and admins); its link stops working at once. */
export async function revokeInvitation({ db }: Services, actor: Actor, invitationId: string): Promise<void> {
  await db.knex.transaction(async (trx) => {
    await requireRole(trx, actor, 'admin', { lock: true });
    if (!(await revokeOpenInvitation(trx, actor.organizationId, invitationId)))
      throw ApiError.of(OrganizationErrors, 'not_found');
  });
}

/**
 * Mails an open invitation again with a new token (owners; admins those as member), at most once a
 * minute.
 */
export async function resendInvitation(
  services: Services,
  actor: Actor,
  invitationId: string,
  context: RequestContext,
): Promise<Invitation> {
  const { config, db } = services;
  return db.knex.transaction(async (trx) => {
    const role = await requireRole(trx, actor, 'admin', { lock: true });
    const invitation = await openInvitationById(trx, actor.organizationId, invitationId);
    if (!invitation) throw ApiError.of(OrganizationErrors, 'not_found');
    // The re-sender becomes the inviter: it takes the authority that inviting as this role does.
    if (!isAtLeast(role, INVITER_OF[invitation.role])) throw ApiError.of(OrganizationErrors, 'forbidden_role');
    if (invitation.resend_wait_seconds > 0) {
      throw ApiError.of(RateLimitErrors, 'too_many_requests', {
        headers: { 'Retry-After': String(invitation.resend_wait_seconds) },
      });
    }
    await enforceLimits(trx, mailLimits(config.rateLimits, context.ip, invitation.email));
    const token = randomToken();
    const locale = await invitationLanguage(services, trx, invitation.email, invitation.locale, context.language);
    // The re-sender becomes the inviter, as the mail says: the invitation now stands on their
    // authority (a removed or demoted inviter's would no longer be accepted, invitations.queries.ts).
    const row = await renewInvitation(trx, invitation.id, hashToken(token), { invitedBy: actor.userId, locale });
    await mailInvitation(services, trx, actor, row.email, token, locale);
    return toInvitation(row);
  });
}

/** What the landing page shows: the invitation when it can be accepted now, else undefined. */
export async function invitationForPage(
  { config, db }: Services,
  token: unknown,
): Promise<
  | {
      email: string;
      role: InvitedRole;
      organizationName: string;
      inviterName: string | null;
      language: Language | undefined;
    }
  | undefined
> {
  if (!looksLikeToken(token)) return undefined; // no lookup for what we cannot have issued
  const row = await usableInvitation(db.knex, hashToken(token));
  // An address without an account can only accept while sign-up is open: otherwise the page says
  // what the POST would, the one invalid-link page.
  if (!row || (!config.signUpEnabled && !(await findUserByEmail(db.knex, row.email)))) return undefined;
  return {
    email: row.email,
    role: row.role,
    organizationName: row.organization_name,
    inviterName: row.inviter_name,
    language: matchLanguage(row.locale),
  };
}

/** Thrown inside the acceptance transaction to roll the consumption back: the link stays usable. */
class CannotAccept extends Error {}

/**
 * The invited address's account, its address proven by the link (users/address-proof.ts): an
 * unconfirmed account may have been registered by someone else ahead of its owner, and whatever
 * they set does not survive. A new account (sign-up open) has no password, and the invitation's
 * language.
 */
async function accountFor(
  services: Services,
  trx: Knex.Transaction,
  email: string,
  locale: string | null,
): Promise<{ user: UserRow; created: boolean }> {
  const existing = await findUserByEmail(trx, email);
  if (!existing && !services.config.signUpEnabled) throw new CannotAccept();
  const user = existing ?? (await findOrCreateUser(trx, email, locale));
  return { user: await proveAddress(trx, user.id), created: !existing };
}

/**
 * Accepts an invitation: where to send the browser (the site's page, with a session code in the
 * fragment), or undefined when the link cannot be used — whatever the reason.
 */
export async function acceptInvitation(services: Services, token: unknown): Promise<string | undefined> {
  const { config, db } = services;
  if (!looksLikeToken(token)) return undefined;
  try {
    return await db.knex.transaction(async (trx) => {
      const tokenHash = hashToken(token);
      const usable = await usableInvitation(trx, tokenHash);
      if (!usable) return undefined;
      // The organization's lock, like every other change to its invitations: a re-send or a
      // revocation running now then either finishes before us (and the token is gone) or sees
      // the invitation accepted, never renews a row we are accepting.
      await lockOrganization(trx, usable.organization_id);
      const invitation = await consumeInvitation(trx, tokenHash, config.magicLinkTtlSeconds);
      if (!invitation) return undefined;
      const { user, created } = await accountFor(services, trx, invitation.email, invitation.locale);
      await addMember(trx, { organizationId: invitation.organization_id, userId: user.id, role: invitation.role });
      // user.created after the membership, so that the inviting organization hears of it (webhooks).
      if (created) await services.events.publish(trx, { type: 'user.created', userId: user.id, email: user.email });
      await services.events.publish(trx, {
        type: 'organization.member_added',
        userId: user.id,
        organizationId: invitation.organization_id,
        role: invitation.role,
      });
      await recordAcceptedBy(trx, invitation.id, user.id);
      const redirectUrl = returnUrl(config.redirectAllowlist, invitation.redirect_url);
      // An account that existed before is signed in only by a link as fresh as a sign-in link
      // (ACCT_MAGIC_LINK_TTL): the invitation lives a week and invitations get forwarded, so an
      // older one would be a week-long sign-in link to someone's account. It still joins the
      // account to the organization; the browser goes to the site, where its owner is signed in
      // already or signs in the usual way. A new account has no other way in than this link.
      if (!created && !invitation.fresh) return redirectUrl;
      // Nobody's browser asked for this link (the inviter's did), so the site page asks the user
      // before signing in (sessions/hand-over.ts).
      return handOverUrl(trx, {
        userId: user.id,
        method: 'magic_link',
        flow: 'invitation',
        redirectUrl,
        browserKeyHash: null,
      });
    });
  } catch (err) {
    if (err instanceof CannotAccept) return undefined;
    throw err;
  }
}

/**
 * The page to return to: the one stored with the invitation if its origin is still allowed (the
 * allowlist may have changed in the week the link lives), else the first allowed origin.
 */
function returnUrl(allowlist: readonly string[], stored: string | null): string {
  if (stored && allowlist.includes(new URL(stored).origin)) return stored;
  return `${allowlist[0]}/`;
}
