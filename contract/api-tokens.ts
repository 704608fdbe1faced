/**
 * An organization's API tokens (server/modules/api-tokens): created by its owners and admins with
 * a name, scopes from `API_TOKEN_SCOPES` and an optional expiry; the secret is answered once, on
 * creation, and only its hash is kept. A token authenticates server-to-server calls as
 * `Authorization: Bearer acct_live_<id>_<secret>_<crc>` (README "API tokens").
 */
import { z } from 'zod';
import { API_TOKEN_SCOPES, type ApiTokenScope } from './constants.js';
import { nameField } from './fields.js';
import { RecentProofErrors } from './errors.js';
import { OrganizationErrors } from './organizations.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/** Every token starts with this, so secret scanners (and people) can tell one when they see it. */
export const API_TOKEN_PREFIX = 'acct_live_';

/** The most tokens an organization may have that are neither revoked nor expired. */
export const MAX_API_TOKENS_PER_ORGANIZATION = 50;

/** The longest an expiry may lie ahead: ten years. */
export const MAX_API_TOKEN_LIFETIME_DAYS = 3650;

/** `POST /api/organizations/:id/api-tokens` (owners and admins). */
export const CreateApiTokenBody = z
  .object({
    name: nameField(255),
    scopes: z
      .array(z.enum(API_TOKEN_SCOPES, 'invalid_scope'))
      .min(1, 'required')
      .max(API_TOKEN_SCOPES.length, 'too_long')
      .refine((scopes) => new Set(scopes).size === scopes.length, 'duplicate_scope'),
    /** When the token stops working; omitted or null: never. Must lie in the future. */
    expiresAt: z.iso.datetime({ offset: true, message: 'invalid_date' }).nullable().optional(),
  })
  .strict();

/** A token as its organization's admins see it; never its secret nor its hash. */
export interface ApiToken {
  id: string;
  name: string;
  /** The token's first characters (`acct_live_<id>`), enough to tell tokens apart. */
  prefix: string;
  scopes: ApiTokenScope[];
  /** Who created it: null once their account is deleted. */
  createdBy: { userId: string; email: string; displayName: string | null } | null;
  createdAt: Timestamp;
  /** Written at most once a minute, so it is accurate to the minute. */
  lastUsedAt: Timestamp | null;
  expiresAt: Timestamp | null;
}

export const ApiTokenErrors = {
  not_found: OrganizationErrors.not_found,
  forbidden_role: OrganizationErrors.forbidden_role,
  api_token_invalid: {
    status: 401,
    message: 'The API token is malformed, unknown, revoked or expired.',
  },
  api_token_scope: { status: 403, message: 'The API token does not have the scope this call needs.' },
  api_token_expiry_past: { status: 400, message: 'The expiry date must lie in the future.' },
  too_many_api_tokens: {
    status: 409,
    message: `An organization can have at most ${MAX_API_TOKENS_PER_ORGANIZATION} active API tokens. Revoke one first.`,
  },
  ...RecentProofErrors,
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). Signed-in owners and admins only. */
export interface ApiTokenRoutes {
  /** The organization's tokens that are not revoked (expired ones included, to be cleaned up), newest first. */
  'GET /api/organizations/:id/api-tokens': Route<never, { tokens: ApiToken[] }>;
  /** 201 with the token and, this once only, its secret. */
  'POST /api/organizations/:id/api-tokens': Route<
    z.input<typeof CreateApiTokenBody>,
    { token: ApiToken; secret: string }
  >;
  /** Effective on the token's next request. */
  'DELETE /api/organizations/:id/api-tokens/:tokenId': Route<never, { revoked: true }>;
}
