/**
 * Which OAuth / OpenID Connect providers a site offers, read from the environment (issue 10):
 * any OpenID Connect issuer by URL (`ACCT_OIDC_<ID>_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET`,
 * optional `_NAME`) and the presets `ACCT_OAUTH_GOOGLE_*`, `ACCT_OAUTH_MICROSOFT_*` (with a tenant)
 * and `ACCT_OAUTH_GITLAB_*`, which are issuers acct already knows. A provider named by any of its
 * settings must have all the required ones: start-up is refused with a message naming each one
 * missing, rather than offering a button that can only fail. Apple (an ES256 client secret) and
 * GitHub (OAuth 2 without OpenID Connect) are not offered yet; setting them is refused the same way.
 */

export interface OAuthProviderSettings {
  /** Lowercase id in URLs (`/auth/oauth/<id>/start`) and in `oauth_accounts.provider`. */
  id: string;
  /** The name on the button. */
  name: string;
  /** The OpenID Connect issuer, discovered at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Scopes asked beyond `openid email profile` (`..._SCOPES`, e.g. `offline_access`); default none. */
  extraScopes: string[];
}

interface Preset {
  name: string;
  /** The issuer from the preset's other settings; undefined when a required one is missing. */
  issuer: (setting: (suffix: string) => string | undefined) => string | undefined;
  /** Settings beyond the client id and secret, each required unless it has a default. */
  extra: Array<{ suffix: string; required: boolean }>;
}

const PRESETS: Record<string, Preset> = {
  google: { name: 'Google', issuer: () => 'https://accounts.google.com', extra: [] },
  // A tenant id (or domain) only: the multi-tenant `common` / `organizations` endpoints issue
  // tokens whose issuer names the user's tenant, which needs its own issuer check (next step).
  microsoft: {
    name: 'Microsoft',
    issuer: (setting) => setting('TENANT') && `https://login.microsoftonline.com/${setting('TENANT')}/v2.0`,
    extra: [{ suffix: 'TENANT', required: true }],
  },
  gitlab: {
    name: 'GitLab',
    issuer: (setting) => (setting('URL') ?? 'https://gitlab.com').replace(/\/+$/, ''),
    extra: [{ suffix: 'URL', required: false }],
  },
};

/** Providers whose settings are refused until acct supports them. */
const NOT_YET = ['apple', 'github'];

const MAX_PROVIDER_ID_LENGTH = 40;
const GENERIC = /^ACCT_OIDC_([A-Z0-9]+(?:_[A-Z0-9]+)*?)_(ISSUER|CLIENT_ID|CLIENT_SECRET|NAME|SCOPES)$/;
const PRESET = /^ACCT_OAUTH_([A-Z]+)_[A-Z_]+$/;

/** A provider id made of letters, digits and dashes, as it appears in URLs. */
const idFrom = (raw: string) => raw.toLowerCase().replace(/_/g, '-');

function httpsUrl(value: string, allowHttp: boolean): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (allowHttp && url.protocol === 'http:');
  } catch {
    return false;
  }
}

/**
 * The configured providers, or the list of problems (one line per setting) when any provider is
 * incomplete. Plain-http issuers are accepted only on loopback hosts (tests and local trials).
 */
export function parseOAuthProviders(env: Record<string, string | undefined>): {
  providers: OAuthProviderSettings[];
  problems: string[];
} {
  const providers: OAuthProviderSettings[] = [];
  const problems: string[] = [];
  const setting = (name: string) => env[name]?.trim() || undefined;

  const genericIds = new Set<string>();
  const presetIds = new Set<string>();
  for (const name of Object.keys(env)) {
    if (!setting(name)) continue;
    const generic = GENERIC.exec(name);
    if (generic) genericIds.add(generic[1]!);
    const preset = PRESET.exec(name);
    // A setting of its own (config.ts), not a provider named STORE.
    if (preset && name !== 'ACCT_OAUTH_STORE_TOKENS') presetIds.add(preset[1]!);
  }

  for (const raw of [...genericIds].sort()) {
    const prefix = `ACCT_OIDC_${raw}_`;
    // The id is stored in oauth_accounts.provider and, as `oauth_<id>`, in the login history's
    // auth_method (both varchar(50)): a longer one would fail at the first sign-in instead of here.
    if (raw.length > MAX_PROVIDER_ID_LENGTH) {
      problems.push(
        `${prefix}ISSUER: the provider id ${idFrom(raw)} is longer than ${MAX_PROVIDER_ID_LENGTH} characters`,
      );
      continue;
    }
    const missing = ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET'].filter((s) => !setting(prefix + s));
    for (const suffix of missing) problems.push(`${prefix}${suffix}: required to offer the provider ${idFrom(raw)}`);
    if (missing.length) continue;
    const issuer = setting(`${prefix}ISSUER`)!;
    if (!httpsUrl(issuer, isLoopback(issuer))) {
      problems.push(`${prefix}ISSUER: must be an https:// URL (http:// only on localhost)`);
      continue;
    }
    providers.push({
      id: idFrom(raw),
      name: setting(`${prefix}NAME`) ?? idFrom(raw),
      issuer: issuer.replace(/\/+$/, ''),
      clientId: setting(`${prefix}CLIENT_ID`)!,
      clientSecret: setting(`${prefix}CLIENT_SECRET`)!,
      extraScopes: scopeList(setting(`${prefix}SCOPES`)),
    });
  }

  for (const raw of [...presetIds].sort()) {
    const id = raw.toLowerCase();
    const prefix = `ACCT_OAUTH_${raw}_`;
    const preset = PRESETS[id];
    if (!preset) {
      const reason = NOT_YET.includes(id) ? 'is not supported yet' : 'is not a known provider';
      problems.push(
        `${prefix}*: ${id} ${reason} (presets: ${Object.keys(PRESETS).join(', ')}; or ACCT_OIDC_<ID>_ISSUER)`,
      );
      continue;
    }
    const required = ['CLIENT_ID', 'CLIENT_SECRET', ...preset.extra.filter((e) => e.required).map((e) => e.suffix)];
    const missing = required.filter((s) => !setting(prefix + s));
    for (const suffix of missing) problems.push(`${prefix}${suffix}: required to offer ${preset.name} sign-in`);
    if (missing.length) continue;
    if (genericIds.has(raw)) {
      problems.push(`${prefix}*: the id ${id} is also used by ACCT_OIDC_${raw}_*; rename one`);
      continue;
    }
    providers.push({
      id,
      name: preset.name,
      issuer: preset.issuer((suffix) => setting(prefix + suffix))!,
      clientId: setting(`${prefix}CLIENT_ID`)!,
      clientSecret: setting(`${prefix}CLIENT_SECRET`)!,
      extraScopes: scopeList(setting(`${prefix}SCOPES`)),
    });
  }
  return { providers, problems };
}

/** The scopes every sign-in asks for: who the user is and their address. */
export const SIGN_IN_SCOPES = ['openid', 'email', 'profile'];

/** `a b,c` → [a, b, c], without the ones every sign-in asks for anyway, nor duplicates. */
function scopeList(raw: string | undefined): string[] {
  return [...new Set((raw ?? '').split(/[\s,]+/).filter((s) => s && !SIGN_IN_SCOPES.includes(s)))];
}

function isLoopback(url: string): boolean {
  try {
    return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}
