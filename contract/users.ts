/**
 * The signed-in user's own account: who they are as every answer shows them, and their profile
 * (server/modules/users/).
 */
import { z } from 'zod';
import { nameField } from './fields.js';
import type { ErrorCatalogue, Route } from './wire.js';

/** The signed-in user, as every auth answer and `GET /api/me` return it. */
export interface User {
  id: string;
  email: string;
  emailVerified: boolean;
  displayName: string | null;
  avatarUrl: string | null;
  role: 'user' | 'admin';
  /** Language of the user's mail (`en`, `fr`); null: each request's language decides. */
  locale: string | null;
}

/** The profile fields and their rules, shared by `PATCH /api/me` and the onboarding profile step. */
export const profileFields = {
  displayName: nameField(100),
  avatarUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .or(z.literal('')),
  bio: z.string().trim().max(500),
};

/**
 * A language tag as sent; which languages acct speaks is the server's to say, so the server
 * narrows this field to one of them (server/modules/users/users.routes.ts).
 */
export const localeTagField = z.string('unsupported_language').max(35, 'unsupported_language');

/** `PATCH /api/me`: the fields to change; '' or null clears avatar and bio, null the locale. */
export const ProfilePatch = z
  .object({
    displayName: profileFields.displayName.optional(),
    avatarUrl: profileFields.avatarUrl.nullable().optional(),
    bio: profileFields.bio.nullable().optional(),
    // null: no language of one's own, each request's decides.
    locale: localeTagField.nullable().optional(),
  })
  .strict();

export const UserErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface UserRoutes {
  'PATCH /api/me': Route<z.input<typeof ProfilePatch>, { user: User }>;
}
