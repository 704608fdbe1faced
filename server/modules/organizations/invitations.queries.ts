/**
 * The SQL of organization invitations. An invitation is "open" until accepted or revoked — that
 * is what the table's partial unique index counts, one per organization and address — and usable
 * while open and not expired. Only the SHA-256 of its token is stored; acceptance is one atomic
 * `UPDATE … WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING`,
 * so of any number of parallel clicks exactly one gets the row (docs/security.md B1).
 */
import type { Knex } from 'knex';
import type { OrganizationInvitationRow } from '../../db/tables';

type Db = Knex | Knex.Transaction;

/** How long an invitation link works after it was (re)sent. */
export const INVITATION_TTL_DAYS = 7;
/** At most one mail per invitation this often through the resend route. */
export const RESEND_INTERVAL_SECONDS = 60;

type InvitedRole = OrganizationInvitationRow['role'];

const open = (db: Db, organizationId: string) =>
  db('organization_invitations')
    .where({ organization_id: organizationId })
    .whereNull('accepted_at')
    .whereNull('revoked_at');

/**
 * Whether whoever last (re)sent the invitation may still grant its role: an owner any, an admin
 * only membership (making an admin takes an owner, as changing a member's role does). An
 * invitation is the inviter's authority carried by a link, so it lapses with that authority:
 * otherwise an admin about to be removed (or demoted) could invite an address of their own and come
 * back through the link after the removal. A deleted inviter (`invited_by` null) has no authority
 * left either. Someone who may grant the role revives such an invitation by re-sending it or
 * inviting the address again, under their own name.
 */
const inviterMayStillGrant = (db: Db) =>
  db('organization_members as inviter')
    .whereRaw('inviter.organization_id = organization_invitations.organization_id')
    .whereRaw('inviter.user_id = organization_invitations.invited_by')
    .where((granting) => {
      void granting.where('inviter.role', 'owner').orWhere((admin) => {
        void admin.where('inviter.role', 'admin').where('organization_invitations.role', 'member');
      });
    })
    .select(db.raw('1'));

/**
 * The organization's open invitations, newest first, expired and lapsed ones included (they can be
 * re-sent): `lapsed` when whoever last sent it may no longer grant its role (inviterMayStillGrant).
 */
export async function openInvitations(
  db: Db,
  organizationId: string,
): Promise<(OrganizationInvitationRow & { lapsed: boolean })[]> {
  return open(db, organizationId)
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id' }])
    .select('*', db.raw('not exists (?) as lapsed', [inviterMayStillGrant(db)]));
}

/** The open invitation to this address, if any (the partial unique index allows one). */
export async function openInvitationTo(
  db: Db,
  organizationId: string,
  email: string,
): Promise<OrganizationInvitationRow | undefined> {
  return open(db, organizationId).whereRaw('lower(email) = lower(?)', [email]).first();
}

/** One open invitation of this organization, with the seconds left before it may be mailed again (0: now). */
export async function openInvitationById(
  db: Db,
  organizationId: string,
  id: string,
): Promise<(OrganizationInvitationRow & { resend_wait_seconds: number }) | undefined> {
  // The wait is computed by the database, whose clock wrote last_sent_at.
  return open(db, organizationId)
    .where({ id })
    .first(
      '*',
      db.raw(
        `greatest(0, ceil(extract(epoch from last_sent_at + make_interval(secs => ?) - now())))::int as resend_wait_seconds`,
        [RESEND_INTERVAL_SECONDS],
      ),
    );
}

const expiry = (db: Db) => db.raw(`now() + make_interval(days => ?)`, [INVITATION_TTL_DAYS]);

export async function insertInvitation(
  db: Db,
  invitation: {
    organizationId: string;
    email: string;
    role: InvitedRole;
    tokenHash: string;
    invitedBy: string;
    redirectUrl: string;
    locale: string;
  },
): Promise<OrganizationInvitationRow> {
  const [row] = await db('organization_invitations')
    .insert({
      organization_id: invitation.organizationId,
      email: invitation.email,
      role: invitation.role,
      token_hash: invitation.tokenHash,
      invited_by: invitation.invitedBy,
      redirect_url: invitation.redirectUrl,
      locale: invitation.locale,
      expires_at: expiry(db),
    })
    .returning('*');
  return row!;
}

/**
 * Gives an invitation a new token and a fresh week, and records the mail: the old link stops
 * working at once. `changes` updates what a repeated invitation may change.
 */
export async function renewInvitation(
  db: Db,
  id: string,
  tokenHash: string,
  changes: { role?: InvitedRole; invitedBy?: string; redirectUrl?: string; locale?: string } = {},
): Promise<OrganizationInvitationRow> {
  const [row] = await db('organization_invitations')
    .where({ id })
    .update({
      token_hash: tokenHash,
      expires_at: expiry(db),
      last_sent_at: db.fn.now(),
      ...(changes.role ? { role: changes.role } : {}),
      ...(changes.invitedBy ? { invited_by: changes.invitedBy } : {}),
      ...(changes.redirectUrl ? { redirect_url: changes.redirectUrl } : {}),
      ...(changes.locale ? { locale: changes.locale } : {}),
    })
    .returning('*');
  return row!;
}

/** Revokes an open invitation of this organization; false when there is none. */
export async function revokeInvitation(db: Db, organizationId: string, id: string): Promise<boolean> {
  const rows = await open(db, organizationId).where({ id }).update({ revoked_at: db.fn.now() }).returning('id');
  return rows.length > 0;
}

/** The invitation with this token hash while it can be accepted: open, not expired, its inviter's authority intact. */
const usable = (db: Db, tokenHash: string) =>
  db('organization_invitations')
    .where('organization_invitations.token_hash', tokenHash)
    .whereNull('organization_invitations.accepted_at')
    .whereNull('organization_invitations.revoked_at')
    .where('organization_invitations.expires_at', '>', db.fn.now())
    .whereExists(inviterMayStillGrant(db));

/** What the landing page shows about a usable invitation (and its organization's id); undefined for anything else. */
export async function usableInvitation(
  db: Db,
  tokenHash: string,
): Promise<
  | {
      organization_id: string;
      email: string;
      role: InvitedRole;
      locale: string | null;
      organization_name: string;
      inviter_name: string | null;
    }
  | undefined
> {
  return usable(db, tokenHash)
    .join('organizations as o', 'o.id', 'organization_invitations.organization_id')
    .leftJoin('auth.users as u', 'u.id', 'organization_invitations.invited_by')
    .first(
      'organization_invitations.organization_id',
      'organization_invitations.email',
      'organization_invitations.role',
      'organization_invitations.locale',
      'o.name as organization_name',
      db.raw('coalesce(u.display_name, u.email) as inviter_name'),
    );
}

/**
 * Uses up an invitation: its row once, undefined for anything not usable now; `fresh` when its link
 * was (re)sent at most `freshSeconds` ago, by the clock that wrote `last_sent_at` (the database's).
 */
export async function consumeInvitation(
  db: Db,
  tokenHash: string,
  freshSeconds: number,
): Promise<(OrganizationInvitationRow & { fresh: boolean }) | undefined> {
  const [row] = (await usable(db, tokenHash)
    .update({ accepted_at: db.fn.now() })
    .returning([
      '*',
      db.raw('last_sent_at > now() - make_interval(secs => ?) as fresh', [freshSeconds]),
    ])) as (OrganizationInvitationRow & { fresh: boolean })[];
  return row;
}

export async function recordAcceptedBy(db: Db, id: string, userId: string): Promise<void> {
  await db('organization_invitations').where({ id }).update({ accepted_by: userId });
}
