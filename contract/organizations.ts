/**
 * Organizations, members and invitations.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { ErrorCatalogue, Timestamp } from './wire.js';

export type OrganizationRole = 'owner' | 'admin' | 'member';
export type InvitedRole = 'admin' | 'member';

/** An organization as one of its members sees it. */
export interface Organization {
  id: string;
  name: string;
  slug: string;
  /** The signed-in user's role in it. */
  role: OrganizationRole;
  memberCount: number;
  createdAt: Timestamp;
  /** When the signed-in user joined it. */
  joinedAt: Timestamp;
}

export interface Member {
  userId: string;
  email: string;
  displayName: string | null;
  avatarUrl: string | null;
  role: OrganizationRole;
  joinedAt: Timestamp;
}

/** An open invitation (owners and admins see them). */
export interface Invitation {
  id: string;
  email: string;
  role: InvitedRole;
  invitedBy: string | null;
  expiresAt: Timestamp;
  lastSentAt: Timestamp;
  createdAt: Timestamp;
}

export const OrganizationErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type OrganizationRoutes = Record<never, never>;
