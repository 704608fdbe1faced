/**
 * Which OAuth / OpenID Connect providers a site offers, read from the environment (issue 10):
 * any OpenID Connect issuer by URL (`ACCT_OIDC_<ID>_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET`,
 * optional `_NAME`) and the presets `ACCT_OAUTH_GOOGLE_*`, `ACCT_OAUTH_MICROSOFT_*` (with a tenant)
 * and `ACCT_OAUTH_GITLAB_*`, which are issuers acct already knows, plus the two that need more than
 * discovery: GitHub (`ACCT_OAUTH_GITHUB_*`, OAuth 2 without OpenID Connect, github.ts) and Apple
 * (`ACCT_OAUTH_APPLE_*`, a client secret signed from the team's key, apple.ts). A provider named by
 * any of its settings must have all the required ones: start-up is refused with a message naming
 * each one missing, rather than offering a button that can only fail.
 */
import { readFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { isLoopbackHost } from '../../security/special-addresses';

/** How acct talks to the provider: OpenID Connect by discovery, or one of the two special ones. */
export type ProviderKind = 'oidc' | 'github' | 'apple';

/** Apple's client secret is a JWT acct signs with the team's key (apple.ts). */
export interface AppleKey {
  teamId: string;
  keyId: string;
  /** The PKCS #8 PEM of the ES256 key from Apple's developer account. */
  privateKey: string;
}

export interface OAuthProviderSettings {
  /** Lowercase id in URLs (`/auth/oauth/<id>/start`) and in `oauth_accounts.provider`. */
  id: string;
  /** The name on the button. */
  name: string;
  kind: ProviderKind;
  /**
   * The OpenID Connect issuer, discovered at `<issuer>/.well-known/openid-configuration`; for
   * GitHub, the server's address (`https://github.com` or a GitHub Enterprise Server).
   */
  issuer: string;
  clientId: string;
  /** Empty for Apple, whose secret is signed per use from `appleKey`. */
  clientSecret: string;
  /** Scopes asked beyond `openid email profile` (`..._SCOPES`, e.g. `offline_access`); default none. */
  extraScopes: string[];
  appleKey?: AppleKey;
  /**
   * Microsoft `common` / `organizations`: the tenants whose users may sign in (ids, lowercase);
   * empty for any. The issuer check itself is openid-client's (oauth-exchange.ts).
   */
  allowedTenants?: string[];
}

interface Preset {
  name: string;
  kind?: ProviderKind;
  /** The issuer from the preset's other settings; undefined when a required one is missing. */
  issuer: (setting: (suffix: string) => string | undefined) => string | undefined;
  /** Settings beyond the client id and secret, each required unless it has a default. */
  extra: Array<{ suffix: string; required: boolean }>;
  /** False when the preset has no client secret setting (Apple signs one). */
  secret?: boolean;
}

const PRESETS: Record<string, Preset> = {
  google: { name: 'Google', issuer: () => 'https://accounts.google.com', extra: [] },
  // A tenant id or domain, or the multi-tenant `common` / `organizations`, whose ID tokens name
  // the user's own tenant as issuer (checked against it by openid-client, oauth-exchange.ts).
  microsoft: {
    name: 'Microsoft',
    issuer: (setting) => setting('TENANT') && `https://login.microsoftonline.com/${setting('TENANT')}/v2.0`,
    extra: [
      { suffix: 'TENANT', required: true },
      { suffix: 'ALLOWED_TENANTS', required: false },
    ],
  },
  github: {
    name: 'GitHub',
    kind: 'github',
    issuer: (setting) => (setting('URL') ?? 'https://github.com').replace(/\/+$/, ''),
    extra: [{ suffix: 'URL', required: false }],
  },
  apple: {
    name: 'Apple',
    kind: 'apple',
    issuer: () => 'https://appleid.apple.com',
    extra: [
      { suffix: 'TEAM_ID', required: true },
      { suffix: 'KEY_ID', required: true },
      { suffix: 'PRIVATE_KEY', required: false },
      { suffix: 'PRIVATE_KEY_FILE', required: false },
    ],
    secret: false,
  },
  gitlab: {
    name: 'GitLab',
    issuer: (setting) => (setting('URL') ?? 'https://gitlab.com').replace(/\/+$/, ''),
    extra: [{ suffix: 'URL', required: false }],
  },
};

/** Microsoft's multi-tenant endpoints, whose tokens each name the user's own tenant. */
export const MICROSOFT_MULTI_TENANT = ['common', 'organizations'];

const MAX_PROVIDER_ID_LENGTH = 40;
const GENERIC = /^ACCT_OIDC_([A-Z0-9]+(?:_[A-Z0-9]+)*?)_(ISSUER|CLIENT_ID|CLIENT_SECRET|NAME|SCOPES)$/;
const PRESET = /^ACCT_OAUTH_([A-Z]+)_[A-Z_]+$/;

/** A provider id made of letters, digits and dashes, as it appears in URLs. */
const idFrom = (raw: string) => raw.toLowerCase().replace(/_/g, '-');

/** An https URL, or with `allowHttp` an http one too (connected-apps-settings.ts uses it as well). */
export function httpsUrl(value: string, allowHttp: boolean): boolean {
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
      kind: 'oidc',
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
      problems.push(
        `${prefix}*: ${id} is not a known provider (presets: ${Object.keys(PRESETS).join(', ')}; or ACCT_OIDC_<ID>_ISSUER)`,
      );
      continue;
    }
    const secret = preset.secret === false ? [] : ['CLIENT_SECRET'];
    const required = ['CLIENT_ID', ...secret, ...preset.extra.filter((e) => e.required).map((e) => e.suffix)];
    const missing = required.filter((s) => !setting(prefix + s));
    for (const suffix of missing) problems.push(`${prefix}${suffix}: required to offer ${preset.name} sign-in`);
    if (missing.length) continue;
    if (genericIds.has(raw)) {
      problems.push(`${prefix}*: the id ${id} is also used by ACCT_OIDC_${raw}_*; rename one`);
      continue;
    }
    const issuer = preset.issuer((suffix) => setting(prefix + suffix))!;
    if (!httpsUrl(issuer, isLoopback(issuer))) {
      problems.push(`${prefix}URL: must be an https:// URL (http:// only on localhost)`);
      continue;
    }
    const found: OAuthProviderSettings = {
      id,
      kind: preset.kind ?? 'oidc',
      name: preset.name,
      issuer,
      clientId: setting(`${prefix}CLIENT_ID`)!,
      clientSecret: setting(`${prefix}CLIENT_SECRET`) ?? '',
      extraScopes: scopeList(setting(`${prefix}SCOPES`)),
    };
    if (id === 'microsoft') {
      // A tenant id (GUID), a domain, `common` or `organizations`: it goes into the issuer's path.
      if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(setting(`${prefix}TENANT`)!)) {
        problems.push(`${prefix}TENANT: a tenant id, a domain, common or organizations`);
        continue;
      }
      const tenants = (setting(`${prefix}ALLOWED_TENANTS`) ?? '')
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean);
      if (tenants.length && !MICROSOFT_MULTI_TENANT.includes(setting(`${prefix}TENANT`)!.toLowerCase())) {
        problems.push(`${prefix}ALLOWED_TENANTS: only with ${prefix}TENANT=common or organizations`);
        continue;
      }
      found.allowedTenants = tenants;
    }
    if (id === 'apple') {
      const key = appleKey(setting, prefix, problems);
      if (!key) continue;
      found.appleKey = key;
    }
    providers.push(found);
  }
  return { providers, problems };
}

/** The scopes every sign-in asks for: who the user is and their address. */
export const SIGN_IN_SCOPES = ['openid', 'email', 'profile'];

/** `a b,c` → [a, b, c], without the ones every sign-in asks for anyway, nor duplicates. */
function scopeList(raw: string | undefined): string[] {
  return [...new Set((raw ?? '').split(/[\s,]+/).filter((s) => s && !SIGN_IN_SCOPES.includes(s)))];
}

/** Apple's signing key from `_PRIVATE_KEY` (the PEM) or `_PRIVATE_KEY_FILE`, checked to be an EC P-256 key. */
function appleKey(
  setting: (name: string) => string | undefined,
  prefix: string,
  problems: string[],
): AppleKey | undefined {
  const inline = setting(`${prefix}PRIVATE_KEY`);
  const file = setting(`${prefix}PRIVATE_KEY_FILE`);
  if (!inline === !file) {
    problems.push(`${prefix}PRIVATE_KEY: required to offer Apple sign-in (or ${prefix}PRIVATE_KEY_FILE; not both)`);
    return undefined;
  }
  let pem: string;
  try {
    // Environments often carry a PEM on one line with literal \n.
    pem = inline ? inline.replace(/\\n/g, '\n') : readFileSync(file!, 'utf8');
  } catch {
    problems.push(`${prefix}PRIVATE_KEY_FILE: cannot read ${file}`);
    return undefined;
  }
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error();
  } catch {
    const name = inline ? 'PRIVATE_KEY' : 'PRIVATE_KEY_FILE';
    problems.push(`${prefix}${name}: not an EC P-256 private key in PEM (the .p8 file from Apple)`);
    return undefined;
  }
  return { teamId: setting(`${prefix}TEAM_ID`)!, keyId: setting(`${prefix}KEY_ID`)!, privateKey: pem };
}

/**
 * The name a provider goes by (buttons, connected accounts): the configured one, else the
 * preset's brand, else its id (a provider no longer configured, whose accounts remain).
 */
export function providerDisplayName(providers: readonly OAuthProviderSettings[], id: string): string {
  return providers.find((p) => p.id === id)?.name ?? PRESETS[id]?.name ?? id;
}

/** A URL on this machine (security/special-addresses.ts `isLoopbackHost`): plain http is allowed there (tests, local trials). */
export function isLoopback(url: string): boolean {
  const parsed = URL.parse(url);
  return Boolean(parsed && isLoopbackHost(parsed.hostname));
}
