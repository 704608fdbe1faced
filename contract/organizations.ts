/**
 * Organizations, members and invitations (server/modules/organizations): the request schemas the
 * routes validate with, the answers, the error codes and the route map. Anything about an
 * organization answers 404 `not_found` to a non-member, exactly as for one that does not exist,
 * and 403 `forbidden_role` to a member whose role is too low.
 */
import { z } from 'zod';
import { CommonErrors } from './errors.js';
import { emailField, nameField } from './fields.js';
import { MfaErrors } from './mfa.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

export type OrganizationRole = 'owner' | 'admin' | 'member';
/** An invitation never makes an owner: ownership is given by an owner to a member. */
export type InvitedRole = 'admin' | 'member';

/** The short address-safe name of an organization (`acme-events`), as the table's check allows it. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The slug column's width. */
export const SLUG_MAX_LENGTH = 100;

const organizationName = nameField(255);

/** `POST /api/organizations`: the slug is derived from the name unless given. */
export const CreateOrganizationBody = z
  .object({
    name: organizationName,
    slug: z.string().max(SLUG_MAX_LENGTH, 'too_long').regex(SLUG_PATTERN, 'invalid_slug').optional(),
  })
  .strict();

/**
 * `PATCH /api/organizations/:id` (admins and owners): a new name, and whether members must use a
 * second factor (`requireMfa`; only someone who has one may turn it on).
 */
export const RenameOrganizationBody = z
  .object({ name: organizationName.optional(), requireMfa: z.boolean().optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.requireMfa !== undefined, { message: 'required', path: ['name'] });

/** `PATCH /api/organizations/:id/members/:userId` (owners). */
export const ChangeRoleBody = z.object({ role: z.enum(['owner', 'admin', 'member'], 'invalid_role') }).strict();

/** `POST /api/organizations/:id/invitations` (admins and owners). */
export const InviteBody = z
  .object({
    email: emailField,
    role: z.enum(['admin', 'member'], 'invalid_role').default('member'),
    /** The page the invitee comes back to once they accept; default: the inviting page's origin. */
    redirectUrl: z.string().max(2000).optional(),
  })
  .strict();

/** The empty JSON body of the POSTs that take none (`/leave`, `/resend`): the CSRF guard wants JSON. */
export const EmptyBody = z.object({}).strict();

/** An organization as one of its members sees it. */
export interface Organization {
  id: string;
  name: string;
  slug: string;
  /** The signed-in user's role in it. */
  role: OrganizationRole;
  memberCount: number;
  createdAt: Timestamp;
  /** When the signed-in user joined it: the element that welcomes an invitee finds the one just joined by it. */
  joinedAt: Timestamp;
  /** Members must use a second factor to reach its resources (403 `mfa_required` without one). */
  requireMfa: boolean;
}

export interface Member {
  userId: string;
  email: string;
  displayName: string | null;
  avatarUrl: string | null;
  role: OrganizationRole;
  joinedAt: Timestamp;
}

/** An open invitation (owners and admins see them); never its token. */
export interface Invitation {
  id: string;
  email: string;
  role: InvitedRole;
  invitedBy: string | null;
  /**
   * The link no longer works because whoever last sent it may no longer grant its role (removed,
   * demoted, or their account deleted); re-sending it renews it under the re-sender's name.
   */
  lapsed: boolean;
  expiresAt: Timestamp;
  lastSentAt: Timestamp;
  createdAt: Timestamp;
}

export const OrganizationErrors = {
  not_found: CommonErrors.not_found,
  forbidden_role: { status: 403, message: 'Your role in this organization does not allow this.' },
  slug_taken: { status: 409, message: 'Another organization already uses this address.' },
  last_owner: { status: 409, message: 'An organization needs an owner. Make someone else an owner first.' },
  already_member: { status: 409, message: 'This person is already a member of the organization.' },
  mfa_required: MfaErrors.mfa_required,
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface OrganizationRoutes {
  /** 201 with the new organization, its creator its first owner. */
  'POST /api/organizations': Route<z.input<typeof CreateOrganizationBody>, { organization: Organization }>;
  'GET /api/organizations': Route<never, { organizations: Organization[] }>;
  'GET /api/organizations/:id': Route<never, { organization: Organization }>;
  'PATCH /api/organizations/:id': Route<z.input<typeof RenameOrganizationBody>, { organization: Organization }>;
  'GET /api/organizations/:id/members': Route<never, { members: Member[] }>;
  'PATCH /api/organizations/:id/members/:userId': Route<z.input<typeof ChangeRoleBody>, { member: Member }>;
  'DELETE /api/organizations/:id/members/:userId': Route<never, { removed: true }>;
  'POST /api/organizations/:id/leave': Route<z.input<typeof EmptyBody>, { left: true }>;
  /** 201 for a new invitation; 200 when the open one to that address was renewed and re-sent. */
  'POST /api/organizations/:id/invitations': Route<z.input<typeof InviteBody>, { invitation: Invitation }>;
  'GET /api/organizations/:id/invitations': Route<never, { invitations: Invitation[] }>;
  'DELETE /api/organizations/:id/invitations/:invitationId': Route<never, { revoked: true }>;
  /** At most once a minute per invitation (429 with Retry-After). */
  'POST /api/organizations/:id/invitations/:invitationId/resend': Route<
    z.input<typeof EmptyBody>,
    { invitation: Invitation }
  >;
}
