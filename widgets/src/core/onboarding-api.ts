/**
 * The onboarding side of the acct API, as typed calls on the session store's `ApiClient` (so they
 * carry the page's session, cookie or bearer): the onboarding walk, the setup checklist, the
 * template gallery, and the user's own name. Thin on purpose: each function is one request, and the
 * server's answer comes back as it is (see onboarding-types.ts).
 */
import type { ApiClient, RequestOptions } from './api-client.js';
import type { User } from './api-types.js';
import type { Checklist, OnboardingState, TemplateGallery, UsedTemplate } from './onboarding-types.js';

// Keys and ids come from the server or the site's markup; encoded all the same, so that a strange
// one can only ever name a missing resource, never another route.
const seg = encodeURIComponent;

export type StepAction = 'save' | 'complete' | 'skip';

export const onboardingApi = {
  get: (api: ApiClient, options?: RequestOptions) => api.get<OnboardingState>('/api/onboarding', options),

  start: (api: ApiClient, choice: { role?: string; useCase?: string }) => api.post<OnboardingState>('/api/onboarding/start', choice),

  /** Saves, completes or skips a step; `data` is the step's form data (omitted: the server uses what was saved). */
  step: (api: ApiClient, key: string, action: StepAction, data?: unknown, options?: RequestOptions) =>
    api.post<OnboardingState>(`/api/onboarding/steps/${seg(key)}/${action}`, data === undefined ? {} : { data }, options),

  back: (api: ApiClient) => api.post<OnboardingState>('/api/onboarding/back'),
};

export type ChecklistItemAction = 'complete' | 'uncomplete' | 'dismiss' | 'restore';

export const checklistApi = {
  get: (api: ApiClient, options?: RequestOptions) => api.get<Checklist>('/api/checklist', options),

  item: (api: ApiClient, key: string, action: ChecklistItemAction) => api.post<Checklist>(`/api/checklist/items/${seg(key)}/${action}`),

  /** Dismisses or restores the whole checklist. */
  all: (api: ApiClient, action: 'dismiss' | 'restore') => api.post<Checklist>(`/api/checklist/${action}`),
};

export const templatesApi = {
  list: (api: ApiClient, filter: { category?: string; industry?: string }, options?: RequestOptions) => {
    const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return api.get<TemplateGallery>(`/api/templates${query.size ? `?${query}` : ''}`, options);
  },

  /** Counts the use and answers the template with its data; needs a session. */
  use: async (api: ApiClient, id: string) => (await api.post<{ template: UsedTemplate }>(`/api/templates/${seg(id)}/use`)).template,
};

export const profileApi = {
  /** `PATCH /api/me`: the user's own name (and photo, bio); answers the user as it now is. */
  update: async (api: ApiClient, change: { displayName?: string }) => (await api.patch<{ user: User }>('/api/me', change)).user,
};
