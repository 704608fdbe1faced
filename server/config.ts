/**
 * The server's settings: one zod schema over `process.env`, parsed once at start-up. A bad value
 * stops the process with a message that names the variable, so a typo never becomes a silent
 * default. Every setting here has a row in docs/settings.md with its default.
 */
import dotenv from 'dotenv';
import { z } from 'zod';
import { parseOAuthProviders, type OAuthProviderSettings } from './modules/oauth/oauth-settings';
import { parseRateLimits, type RateLimitPolicies } from './modules/rate-limit/policies';
import { DEFAULT_BRAND_COLOR, type Brand } from './brand/brand';
import { normalizeHex } from './brand/colors';
import { SUPPORTED_LANGUAGES, type Language } from './i18n';

// Sign-in methods (in their default order) and session transports — an HttpOnly first-party
// cookie (acct on a subdomain of the site), a partitioned cookie (acct on another site), or a
// bearer token the elements keep (where third-party cookies are blocked outright) — are part of
// the wire contract, shared with the elements.
import { SESSION_TRANSPORTS, SIGN_IN_METHODS, type SessionTransport, type SignInMethod } from '../contract/constants';
export { SESSION_TRANSPORTS, SIGN_IN_METHODS, type SessionTransport, type SignInMethod };

/** Thrown for an invalid environment; its message lists every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * An origin as browsers send it in the `Origin` header: scheme, host and port, no path. A
 * trailing slash is forgiven; anything else (a path, a wildcard, `null`) is refused, because
 * CORS compares origins as exact strings and a near-miss would silently never match.
 */
function parseOrigin(value: string, ctx: z.RefinementCtx): string {
  if (value === '*') {
    ctx.addIssue({
      code: 'custom',
      message: '"*" is not allowed: acct answers credentialed requests, so every allowed origin must be listed',
    });
    return z.NEVER;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an origin like https://app.example.com` });
    return z.NEVER;
  }
  const pathless = url.pathname === '/' && !url.search && !url.hash && !url.username;
  if (!['http:', 'https:'].includes(url.protocol) || !pathless || url.origin === 'null') {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an origin like https://app.example.com` });
    return z.NEVER;
  }
  return url.origin;
}

/** A hex colour, `#rgb` or `#rrggbb`, as `#rrggbb` in lower case. */
function parseBrandColor(value: string, ctx: z.RefinementCtx): string {
  const color = normalizeHex(value);
  if (color) return color;
  ctx.addIssue({ code: 'custom', message: `"${value}" is not a hex colour like #1d4ed8` });
  return z.NEVER;
}

/** Hosts a browser treats as a secure context over plain http. */
const isLocalhost = (host: string) =>
  host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host);

/**
 * The logo's URL: https, or http on localhost (development). Its origin goes into the hosted
 * pages' CSP `img-src`, which can name a host but not an IPv6 address, and a URL with
 * credentials would put them in every page and mail.
 */
function parseLogoUrl(value: string, ctx: z.RefinementCtx): string {
  const problem = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return problem(`"${value}" is not a URL like https://cdn.example.com/logo.svg`);
  }
  if (url.hostname.startsWith('[')) return problem('must name a host, not an IPv6 address (a CSP cannot allow one)');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocalhost(url.hostname))) {
    return problem('must be an https:// URL (http:// only on localhost)');
  }
  if (url.username || url.password) return problem('must not hold a user name or password');
  return url.href;
}

const list = (raw: string) =>
  raw
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A duration: seconds, or a number with s/m/h/d (`30m`, `14d`). */
const duration = z
  .string()
  .regex(/^\d+\s*[smhd]?$/, 'must be a duration like 900, 30m, 12h or 14d')
  .transform((raw) => {
    const value = Number.parseInt(raw, 10);
    const unit = raw.trim().slice(-1);
    const seconds: Record<string, number> = { m: 60, h: 3600, d: 86_400 };
    return value * (seconds[unit] ?? 1);
  })
  .or(z.number());

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ACCT_HOST: z.string().min(1).optional(),
  ACCT_PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  ACCT_MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  ACCT_DATA_DIR: z.string().min(1).default('./.data'),
  ACCT_DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  ACCT_ALLOWED_ORIGINS: z
    .string()
    .default('http://localhost:5173')
    .transform((raw, ctx) => list(raw).map((o) => parseOrigin(o, ctx)))
    .pipe(z.array(z.string()).min(1, 'list at least one origin')),
  ACCT_PRODUCT_NAME: z.string().trim().min(1).max(100).default('acct'),
  ACCT_BRAND_COLOR: z.string().default(DEFAULT_BRAND_COLOR).transform(parseBrandColor),
  ACCT_BRAND_LOGO_URL: z.string().trim().max(2000).transform(parseLogoUrl).optional(),
  ACCT_DEFAULT_LANGUAGE: z.enum(SUPPORTED_LANGUAGES, `must be one of: ${SUPPORTED_LANGUAGES.join(', ')}`).default('en'),
  ACCT_SIGN_IN_METHODS: z
    .string()
    .default(SIGN_IN_METHODS.join(' '))
    .transform(list)
    .pipe(z.array(z.enum(SIGN_IN_METHODS)).min(1, 'enable at least one sign-in method')),
  ACCT_SIGN_UP_ENABLED: booleanFlag.default(true),
  ACCT_OAUTH_STORE_TOKENS: booleanFlag.default(false),
  ACCT_DEV_PROVIDER_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  ACCT_PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(128).default(8),
  ACCT_REDIRECT_ALLOWLIST: z
    .string()
    .optional()
    .transform((raw, ctx) => (raw === undefined ? undefined : list(raw).map((o) => parseOrigin(o, ctx)))),
  ACCT_REQUIRE_EMAIL_VERIFICATION: booleanFlag.default(true),
  ACCT_SESSION_TRANSPORT: z.enum(SESSION_TRANSPORTS).default('cookie'),
  ACCT_SESSION_IDLE_TIMEOUT: duration.optional(),
  ACCT_SESSION_ABSOLUTE_TIMEOUT: duration.optional(),
  ACCT_TRUST_PROXY: z.string().default('false'),
  ACCT_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  ACCT_MAIL_FROM: z.string().min(3).optional(),
  ACCT_DEV_OUTBOX: booleanFlag.optional(),
  ACCT_ENCRYPTION_KEYS: z.string().optional(),
  ACCT_RATE_LIMITS: z.string().default(''),
  ACCT_JWT_TTL: duration.default(300).pipe(z.number().max(300, 'at most 5 minutes (300 s)')),
  ACCT_JWT_AUDIENCE: z
    .string()
    .optional()
    .transform((raw) => (raw === undefined ? undefined : list(raw)))
    .pipe(z.array(z.string().max(500)).min(1, 'name at least one audience').optional()),
  ACCT_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  ACCT_SITE_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
  ACCT_RP_ID: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a domain like example.com (no scheme, no port; IP addresses cannot be RP IDs)')
    .refine((v) => !/^[\d.]+$/.test(v), 'IP addresses cannot be RP IDs')
    .default('localhost'),
  ACCT_RP_NAME: z.string().trim().min(1).max(100).optional(),
  ACCT_PASSKEY_USER_VERIFICATION: z.enum(['preferred', 'required']).default('preferred'),
  ACCT_MAGIC_LINK_TTL: duration.default(600),
  ACCT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCT_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  ACCT_BUNDLE_MAX_AGE: z.coerce.number().int().min(0).default(300),
});

/** The parsed, typed settings. */
export interface Config {
  port: number;
  /** Address to listen on; undefined means every interface (IPv4 and IPv6). */
  host: string | undefined;
  publicUrl: string;
  database: { url: string; poolMax: number } | { dataDir: string };
  /**
   * An administrative URL of the same database for migrations (start-up and `npm run migrate`),
   * so that the server itself can run as a role without DDL rights; unset: DATABASE_URL.
   */
  migrationDatabaseUrl: string | undefined;
  /** Folder for local state: the embedded database, and the generated encryption key file. */
  dataDir: string;
  allowedOrigins: string[];
  productName: string;
  /** Product name, colour and logo of the hosted pages and the emails. */
  brand: Brand;
  /** Language of mails and pages when neither the user nor the request names a supported one. */
  defaultLanguage: Language;
  signInMethods: SignInMethod[];
  signUpEnabled: boolean;
  passwordMinLength: number;
  /** Origins a flow may send the user back to after an emailed link; defaults to allowedOrigins. */
  redirectAllowlist: string[];
  requireEmailVerification: boolean;
  session: {
    transport: SessionTransport;
    /** Seconds without activity after which a session ends. */
    idleTimeoutSeconds: number;
    /** Seconds after sign-in after which a session ends whatever its activity. */
    absoluteTimeoutSeconds: number;
  };
  /** Express's `trust proxy` setting: false, true, a hop count, or addresses/subnets. */
  trustProxy: boolean | number | string[];
  mail: {
    smtpUrl: string | undefined;
    from: string;
    /** Keep mail in a development outbox (shown by the demo) instead of sending it. */
    devOutbox: boolean;
  };
  /** `kid=base64key` pairs, newest first; unset: a key generated into the data folder. */
  encryptionKeys: string | undefined;
  /** Rate-limit policies by action: the defaults with ACCT_RATE_LIMITS applied. */
  rateLimits: RateLimitPolicies;
  jwtTtlSeconds: number;
  /**
   * The `aud` of the JWTs for site backends: who they are for, so that a token minted for one
   * site's backend is refused by another's. Defaults to the allowed origins.
   */
  jwtAudience: string[];
  passkeys: {
    /** The WebAuthn relying party: a registrable suffix of every allowed origin's host. */
    rpId: string;
    rpName: string;
    userVerification: 'preferred' | 'required';
  };
  magicLinkTtlSeconds: number;
  /** Password hashes that may run at once; undefined: cores − 1 (at least 1). */
  hashConcurrency: number | undefined;
  /** Shared secret of the site's backend for server-to-server calls (checklist events); unset: off. */
  siteSecret: string | undefined;
  logLevel: z.infer<typeof envSchema>['ACCT_LOG_LEVEL'];
  shutdownTimeoutMs: number;
  bundleMaxAgeSeconds: number;
  /** OAuth / OpenID Connect providers (server/modules/oauth/oauth-settings.ts), in a stable order. */
  oauthProviders: OAuthProviderSettings[];
  /** Keep providers' access and refresh tokens, encrypted, for the site's backend (provider-tokens module). */
  oauthStoreTokens: boolean;
  /**
   * `npm start`'s development mode (`--dev`), not an environment variable: the elements then
   * name the exact fix for a setup mistake (e.g. a page origin missing from ACCT_ALLOWED_ORIGINS).
   */
  development: boolean;
  /** `--dev` only: the loopback port of the OAuth test provider (modules/oauth/dev-provider.ts). */
  devProviderPort: number;
}

/**
 * Parses settings from an environment (default `process.env`). Empty strings count as unset, so
 * `FOO=` in a `.env` file falls back to the default instead of failing validation.
 */
/** Allowed origins on which passkeys cannot work: the RP ID must be their host or a parent domain of it. */
export function originsOutsideRpId(config: Pick<Config, 'allowedOrigins' | 'passkeys'>): string[] {
  const { rpId } = config.passkeys;
  return config.allowedOrigins.filter((origin) => {
    const host = new URL(origin).hostname;
    return host !== rpId && !host.endsWith(`.${rpId}`);
  });
}

/** Lifetimes per transport: a bearer secret is readable by page scripts, so it lives shorter. */
const SESSION_DEFAULTS: Record<SessionTransport, { idle: number; absolute: number }> = {
  cookie: { idle: 14 * 86_400, absolute: 30 * 86_400 },
  'partitioned-cookie': { idle: 14 * 86_400, absolute: 30 * 86_400 },
  bearer: { idle: 86_400, absolute: 7 * 86_400 },
};

/** Express's `trust proxy` from text: true/false, a hop count, or a list of addresses/subnets. */
function parseTrustProxy(raw: string): boolean | number | string[] {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  return list(raw);
}

export interface LoadOptions {
  /** `npm start`'s development mode: the dev outbox is on unless SMTP is configured, and `/api/config` says `development`. */
  dev?: boolean;
}

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  { dev = false }: LoadOptions = {},
): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let rateLimits: RateLimitPolicies;
  try {
    rateLimits = parseRateLimits(e.ACCT_RATE_LIMITS);
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  ${(err as Error).message}`);
  }
  if (e.ACCT_MIGRATION_DATABASE_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  ACCT_MIGRATION_DATABASE_URL: only means something with DATABASE_URL (the embedded database migrates itself)',
    );
  }
  if ((e.ACCT_SESSION_IDLE_TIMEOUT ?? 0) > (e.ACCT_SESSION_ABSOLUTE_TIMEOUT ?? Infinity)) {
    throw new ConfigError(
      'Invalid configuration:\n  ACCT_SESSION_IDLE_TIMEOUT: must not exceed ACCT_SESSION_ABSOLUTE_TIMEOUT',
    );
  }
  const oauth = parseOAuthProviders(present);
  if (oauth.problems.length) {
    throw new ConfigError(`Invalid configuration:\n${oauth.problems.map((line) => `  ${line}`).join('\n')}`);
  }
  return {
    port: e.PORT,
    host: e.ACCT_HOST,
    publicUrl: e.ACCT_PUBLIC_URL.replace(/\/+$/, ''),
    database: e.DATABASE_URL ? { url: e.DATABASE_URL, poolMax: e.ACCT_DB_POOL_MAX } : { dataDir: e.ACCT_DATA_DIR },
    migrationDatabaseUrl: e.ACCT_MIGRATION_DATABASE_URL,
    dataDir: e.ACCT_DATA_DIR,
    allowedOrigins: [...new Set(e.ACCT_ALLOWED_ORIGINS)],
    productName: e.ACCT_PRODUCT_NAME,
    brand: { productName: e.ACCT_PRODUCT_NAME, color: e.ACCT_BRAND_COLOR, logoUrl: e.ACCT_BRAND_LOGO_URL },
    defaultLanguage: e.ACCT_DEFAULT_LANGUAGE,
    signInMethods: [...new Set(e.ACCT_SIGN_IN_METHODS)],
    signUpEnabled: e.ACCT_SIGN_UP_ENABLED,
    passwordMinLength: e.ACCT_PASSWORD_MIN_LENGTH,
    redirectAllowlist: [...new Set(e.ACCT_REDIRECT_ALLOWLIST ?? e.ACCT_ALLOWED_ORIGINS)],
    requireEmailVerification: e.ACCT_REQUIRE_EMAIL_VERIFICATION,
    session: {
      transport: e.ACCT_SESSION_TRANSPORT,
      idleTimeoutSeconds: e.ACCT_SESSION_IDLE_TIMEOUT ?? SESSION_DEFAULTS[e.ACCT_SESSION_TRANSPORT].idle,
      absoluteTimeoutSeconds: e.ACCT_SESSION_ABSOLUTE_TIMEOUT ?? SESSION_DEFAULTS[e.ACCT_SESSION_TRANSPORT].absolute,
    },
    trustProxy: parseTrustProxy(e.ACCT_TRUST_PROXY),
    mail: {
      smtpUrl: e.ACCT_SMTP_URL,
      from: e.ACCT_MAIL_FROM ?? `${e.ACCT_PRODUCT_NAME} <no-reply@${new URL(e.ACCT_PUBLIC_URL).hostname}>`,
      devOutbox: e.ACCT_SMTP_URL ? false : (e.ACCT_DEV_OUTBOX ?? dev),
    },
    encryptionKeys: e.ACCT_ENCRYPTION_KEYS,
    rateLimits,
    jwtTtlSeconds: e.ACCT_JWT_TTL,
    jwtAudience: [...new Set(e.ACCT_JWT_AUDIENCE ?? e.ACCT_ALLOWED_ORIGINS)],
    passkeys: {
      rpId: e.ACCT_RP_ID.toLowerCase(),
      rpName: e.ACCT_RP_NAME ?? e.ACCT_PRODUCT_NAME,
      userVerification: e.ACCT_PASSKEY_USER_VERIFICATION,
    },
    magicLinkTtlSeconds: e.ACCT_MAGIC_LINK_TTL,
    siteSecret: e.ACCT_SITE_SECRET,
    hashConcurrency: e.ACCT_HASH_CONCURRENCY,
    logLevel: e.ACCT_LOG_LEVEL,
    shutdownTimeoutMs: e.ACCT_SHUTDOWN_TIMEOUT_MS,
    bundleMaxAgeSeconds: e.ACCT_BUNDLE_MAX_AGE,
    oauthProviders: oauth.providers,
    oauthStoreTokens: e.ACCT_OAUTH_STORE_TOKENS,
    development: dev,
    devProviderPort: e.ACCT_DEV_PROVIDER_PORT,
  };
}

/**
 * For command-line entry points: the settings from `.env` and the environment, or a clear message
 * naming every bad variable and exit code 78 (EX_CONFIG) — never a stack trace.
 */
export function loadConfigOrExit(options: LoadOptions = {}): Config {
  dotenv.config({ quiet: true });
  try {
    return loadConfig(process.env, options);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`acct: ${err.message}`);
    process.exit(78);
  }
}
