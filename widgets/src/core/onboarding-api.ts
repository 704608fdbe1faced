/**
 * The onboarding side of the acct API, as typed calls on the session store's `ApiClient` (so they
 * carry the page's session, cookie or bearer): organizations and their members, and the user's own
 * name (the onboarding walk, the checklist and the templates call ApiClient.call() directly). Thin on purpose: each function is one request, and the
 * server's answer comes back as it is (see onboarding-types.ts).
 */
import type { ApiClient, RequestOptions } from './api-client.js';
import type { User } from './api-types.js';
import type { Invitation, InvitedRole, Member, Organization, OrganizationRole } from './onboarding-types.js';

// Keys and ids come from the server or the site's markup; encoded all the same, so that a strange
// one can only ever name a missing resource, never another route.
const seg = encodeURIComponent;

export const organizationsApi = {
  list: async (api: ApiClient, options?: RequestOptions) => (await api.get<{ organizations: Organization[] }>('/api/organizations', options)).organizations,

  create: async (api: ApiClient, name: string) => (await api.post<{ organization: Organization }>('/api/organizations', { name })).organization,

  rename: async (api: ApiClient, id: string, name: string) =>
    (await api.patch<{ organization: Organization }>(`/api/organizations/${seg(id)}`, { name })).organization,

  members: async (api: ApiClient, id: string, options?: RequestOptions) =>
    (await api.get<{ members: Member[] }>(`/api/organizations/${seg(id)}/members`, options)).members,

  invitations: async (api: ApiClient, id: string, options?: RequestOptions) =>
    (await api.get<{ invitations: Invitation[] }>(`/api/organizations/${seg(id)}/invitations`, options)).invitations,

  /** `redirectUrl`: the page the invitee comes back to, signed in, once they accept (the inviting page, so it can welcome them). */
  invite: async (api: ApiClient, id: string, invite: { email: string; role: InvitedRole; redirectUrl?: string }) =>
    (await api.post<{ invitation: Invitation }>(`/api/organizations/${seg(id)}/invitations`, invite)).invitation,

  revoke: (api: ApiClient, id: string, invitationId: string) => api.delete<{ revoked: true }>(`/api/organizations/${seg(id)}/invitations/${seg(invitationId)}`),

  resend: async (api: ApiClient, id: string, invitationId: string) =>
    (await api.post<{ invitation: Invitation }>(`/api/organizations/${seg(id)}/invitations/${seg(invitationId)}/resend`)).invitation,

  /** Owners only; the last owner keeps the role. */
  changeRole: async (api: ApiClient, id: string, userId: string, role: OrganizationRole) =>
    (await api.patch<{ member: Member }>(`/api/organizations/${seg(id)}/members/${seg(userId)}`, { role })).member,

  /** Owners, and admins for members who are not owners; never the last owner. */
  removeMember: (api: ApiClient, id: string, userId: string) => api.delete<{ removed: true }>(`/api/organizations/${seg(id)}/members/${seg(userId)}`),

  /** Any member but the last owner. */
  leave: (api: ApiClient, id: string) => api.post<{ left: true }>(`/api/organizations/${seg(id)}/leave`),
};

export const profileApi = {
  /** `PATCH /api/me`: the user's own name (and photo, bio); answers the user as it now is. */
  update: async (api: ApiClient, change: { displayName?: string }) => (await api.patch<{ user: User }>('/api/me', change)).user,
};
