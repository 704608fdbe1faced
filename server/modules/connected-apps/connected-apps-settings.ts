/**
 * Which third-party apps an organization can connect (docs/settings.md "Connected apps"), from one
 * setting, `ACCT_CONNECTED_APPS`: a JSON array of OAuth 2 providers, each
 *
 * `{ "id", "name", "authorizationUrl", "tokenUrl", "clientId", "clientSecret" }` and optionally
 * `"revocationUrl"` (RFC 7009: disconnecting then revokes the tokens upstream), `"scopes"` (array),
 * `"iconUrl"`, `"accountUrl"` + `"accountField"` (a JSON resource read with the access token once
 * connected, whose field — dotted path, default `sub` — names the account at the provider),
 * `"issuer"` (checked against an ID token's `iss` if the provider sends one; default the
 * authorization URL's origin), `"tokenAuth"` (`basic`, the default, or `post`: client credentials
 * in the form body, as GitHub wants) and `"authorizationParams"` (e.g. `{"access_type":"offline"}`
 * for Google's refresh tokens).
 *
 * One JSON value rather than a family of variables, because an app has a dozen fields and lists
 * are what operators copy between environments. As with sign-in providers (oauth-settings.ts), a
 * malformed entry stops start-up with one line per problem, and plain http is accepted only on
 * loopback hosts.
 */
import { z } from 'zod';
import { httpsUrl, isLoopback } from '../oauth/oauth-settings';

export interface ConnectedAppSettings {
  /** Lowercase id, stored in `connected_apps.provider` and used in URLs. */
  id: string;
  name: string;
  iconUrl: string | null;
  issuer: string;
  authorizationUrl: string;
  tokenUrl: string;
  revocationUrl: string | null;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  accountUrl: string | null;
  accountField: string;
  tokenAuth: 'basic' | 'post';
  authorizationParams: Record<string, string>;
}

export const SETTING = 'ACCT_CONNECTED_APPS';

const Url = z.string().trim().min(1).max(2000);
const AppEntry = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, at most 40 (it goes in URLs)'),
    name: z.string().trim().min(1).max(100),
    iconUrl: Url.optional(),
    issuer: Url.optional(),
    authorizationUrl: Url,
    tokenUrl: Url,
    revocationUrl: Url.optional(),
    clientId: z.string().trim().min(1).max(500),
    clientSecret: z.string().trim().min(1).max(2000),
    scopes: z
      .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'a scope token (RFC 6749 §3.3)'))
      .max(50)
      .optional(),
    accountUrl: Url.optional(),
    accountField: z.string().min(1).max(100).optional(),
    tokenAuth: z.enum(['basic', 'post']).optional(),
    authorizationParams: z.record(z.string(), z.string().max(500)).optional(),
  })
  .strict();

const URL_FIELDS = ['iconUrl', 'issuer', 'authorizationUrl', 'tokenUrl', 'revocationUrl', 'accountUrl'] as const;

/** The configured apps, or one line per problem. */
export function parseConnectedApps(env: Record<string, string | undefined>): {
  apps: ConnectedAppSettings[];
  problems: string[];
} {
  const raw = env[SETTING]?.trim();
  if (!raw) return { apps: [], problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { apps: [], problems: [`${SETTING}: not valid JSON (a JSON array of apps)`] };
  }
  const parsed = z.array(AppEntry).max(100).safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${SETTING}[${issue.path.join('.')}]: ${issue.message}`);
    return { apps: [], problems };
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of parsed.data.entries()) {
    if (seen.has(entry.id)) problems.push(`${SETTING}[${index}].id: ${entry.id} is used twice`);
    seen.add(entry.id);
    for (const field of URL_FIELDS) {
      const value = entry[field];
      if (value !== undefined && !httpsUrl(value, isLoopback(value))) {
        problems.push(`${SETTING}[${index}].${field}: must be an https:// URL (http:// only on localhost)`);
      }
    }
  }
  if (problems.length) return { apps: [], problems };
  const apps = parsed.data.map((entry): ConnectedAppSettings => ({
    id: entry.id,
    name: entry.name,
    iconUrl: entry.iconUrl ?? null,
    issuer: (entry.issuer ?? new URL(entry.authorizationUrl).origin).replace(/\/+$/, ''),
    authorizationUrl: entry.authorizationUrl,
    tokenUrl: entry.tokenUrl,
    revocationUrl: entry.revocationUrl ?? null,
    clientId: entry.clientId,
    clientSecret: entry.clientSecret,
    scopes: [...new Set(entry.scopes ?? [])],
    accountUrl: entry.accountUrl ?? null,
    accountField: entry.accountField ?? 'sub',
    tokenAuth: entry.tokenAuth ?? 'basic',
    authorizationParams: entry.authorizationParams ?? {},
  }));
  return { apps, problems: [] };
}
