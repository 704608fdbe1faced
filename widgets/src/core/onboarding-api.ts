/**
 * The user's own name, as a typed call on the session store's `ApiClient` (so it carries the
 * page's session, cookie or bearer). The onboarding walk, the checklist, the templates and
 * organizations call ApiClient.call() directly.
 */
import type { ApiClient } from './api-client.js';
import type { User } from './api-types.js';

export const profileApi = {
  /** `PATCH /api/me`: the user's own name (and photo, bio); answers the user as it now is. */
  update: async (api: ApiClient, change: { displayName?: string }) => (await api.patch<{ user: User }>('/api/me', change)).user,
};
