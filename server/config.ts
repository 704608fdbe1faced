/**
 * The server's settings: one zod schema over `process.env`, parsed once at start-up. A bad value
 * stops the process with a message that names the variable, so a typo never becomes a silent
 * default. Every setting here has a row in docs/settings.md with its default.
 */
import { existsSync } from 'node:fs';
import dotenv from 'dotenv';
import { z } from 'zod';
import { parseOAuthProviders, type OAuthProviderSettings } from './modules/oauth/oauth-settings';
import { parsePushSettings, type PushSettings } from './modules/push/push-settings';
import { parseConnectedApps, type ConnectedAppSettings } from './modules/connected-apps/connected-apps-settings';
import { parseRateLimits, type RateLimitPolicies } from './modules/rate-limit/policies';
import { DEFAULT_BRAND_COLOR, type Brand } from './brand/brand';
import {
  booleanFlag,
  duration,
  list,
  parseBrandColor,
  parseLogoUrl,
  parseOrigin,
  parseTrustProxy,
  SESSION_DEFAULTS,
} from './config-fields';
import { settingConflicts } from './config-conflicts';
import { SUPPORTED_LANGUAGES, type Language } from './i18n';
import { SiteNotificationTypes, type SiteNotificationType } from './modules/notifications/catalogue';

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

export type Environment = z.infer<typeof envSchema>;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ACCT_HOST: z.string().min(1).optional(),
  // Unset: http://localhost:<PORT>, so that emailed links reach a server started on another port.
  ACCT_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
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
  ACCT_LANGUAGES: z
    .string()
    .default(SUPPORTED_LANGUAGES.join(' '))
    .transform(list)
    .pipe(
      z
        .array(z.enum(SUPPORTED_LANGUAGES, `each must be one of: ${SUPPORTED_LANGUAGES.join(', ')}`))
        .min(1, 'allow at least one language'),
    ),
  ACCT_SIGN_IN_METHODS: z
    .string()
    .default(SIGN_IN_METHODS.join(' '))
    .transform(list)
    .pipe(z.array(z.enum(SIGN_IN_METHODS)).min(1, 'enable at least one sign-in method')),
  ACCT_SIGN_UP_ENABLED: booleanFlag.default(true),
  ACCT_OAUTH_STORE_TOKENS: booleanFlag.default(false),
  ACCT_WEBHOOK_ALLOW_PRIVATE: booleanFlag.default(false),
  ACCT_WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  ACCT_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(1000).max(60_000).default(15_000),
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
  ACCT_NOTIFICATION_TYPES: z
    .string()
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON array (docs/notifications.md)' });
        return z.NEVER;
      }
    })
    .pipe(SiteNotificationTypes)
    .default([]),
  ACCT_SITE_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
  ACCT_RP_ID: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a domain like example.com (no scheme, no port; IP addresses cannot be RP IDs)')
    .refine((v) => !/^[\d.]+$/.test(v), 'IP addresses cannot be RP IDs')
    .default('localhost'),
  ACCT_RP_NAME: z.string().trim().min(1).max(100).optional(),
  ACCT_PASSKEY_USER_VERIFICATION: z.enum(['preferred', 'required']).default('preferred'),
  ACCT_MAGIC_LINK_TTL: duration.default(600),
  ACCT_EXPORT_TTL: duration.default(604_800),
  ACCT_EXPORT_HOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  ACCT_EXPORT_HOOK_TIMEOUT: duration.default(10),
  ACCT_DELETION_GRACE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  ACCT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCT_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  ACCT_BUNDLE_MAX_AGE: z.coerce.number().int().min(0).default(300),
  // 1 MiB; at most 8 MiB, since the picture travels base64-encoded in a JSON body and sits in PostgreSQL.
  ACCT_AVATAR_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(8 * 1024 * 1024)
    .default(1024 * 1024),
  ACCT_RUN_JOBS: booleanFlag.default(true),
  ACCT_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
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
  /** The languages mails, pages and a user's choice may be in (ACCT_LANGUAGES); the default is among them. */
  languages: Language[];
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
  /** Data export (server/modules/data-export): how long an archive stays downloadable, and the site's hook. */
  dataExport: {
    ttlSeconds: number;
    /** Where the site adds its own data about the user (POST, signed with the site secret); unset: none. */
    hookUrl: string | undefined;
    hookTimeoutSeconds: number;
  };
  /** Days between asking for an account's deletion and the deletion (it can be cancelled until then). */
  deletionGraceDays: number;
  /** Password hashes that may run at once; undefined: cores − 1 (at least 1). */
  hashConcurrency: number | undefined;
  /** Shared secret of the site's backend for server-to-server calls (checklist events); unset: off. */
  siteSecret: string | undefined;
  /** The site's own notification event types (ACCT_NOTIFICATION_TYPES), after acct's built-in ones. */
  notificationTypes: SiteNotificationType[];
  logLevel: z.infer<typeof envSchema>['ACCT_LOG_LEVEL'];
  shutdownTimeoutMs: number;
  bundleMaxAgeSeconds: number;
  /** Largest uploaded avatar, in bytes once decoded (ACCT_AVATAR_MAX_BYTES). */
  avatarMaxBytes: number;
  /** Run queued jobs in this process (false: only queue them, for a separate `npm run worker`). */
  runJobs: boolean;
  /** Server processes `npm run serve` runs on one port (node:cluster; ACCT_PROCESSES). */
  processes: number;
  /** OAuth / OpenID Connect providers (server/modules/oauth/oauth-settings.ts), in a stable order. */
  oauthProviders: OAuthProviderSettings[];
  /** Keep providers' access and refresh tokens, encrypted, for the site's backend (provider-tokens module). */
  oauthStoreTokens: boolean;
  /** Webhook endpoints may be loopback or private addresses (on-premise targets, tests); docs/security.md H2. */
  webhookAllowPrivate: boolean;
  /** Days a webhook delivery stays in its endpoint's log before the cleanup job deletes it. */
  webhookRetentionDays: number;
  /** How long one delivery attempt may take, connection to last byte, before it counts as a timeout. */
  webhookTimeoutMs: number;
  /**
   * `npm start`'s development mode (`--dev`), not an environment variable: the elements then
   * name the exact fix for a setup mistake (e.g. a page origin missing from ACCT_ALLOWED_ORIGINS).
   */
  development: boolean;
  /** `--dev` only: the loopback port of the OAuth test provider (modules/oauth/dev-provider.ts). */
  devProviderPort: number;
  /** Web Push: VAPID keys and subject, and which endpoints are accepted (modules/push/push-settings.ts). */
  push: PushSettings;
  /** Third-party apps organizations can connect (modules/connected-apps/connected-apps-settings.ts). */
  connectedApps: ConnectedAppSettings[];
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
  const oauth = parseOAuthProviders(present);
  const publicUrl = (e.ACCT_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const mailFrom = e.ACCT_MAIL_FROM ?? `${e.ACCT_PRODUCT_NAME} <no-reply@${new URL(publicUrl).hostname}>`;
  const push = parsePushSettings(present, { mailFrom });
  const connectedApps = parseConnectedApps(present);
  const problems = [...settingConflicts(e, dev), ...oauth.problems, ...push.problems, ...connectedApps.problems];
  if (problems.length) {
    throw new ConfigError(`Invalid configuration:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  }
  return {
    port: e.PORT,
    host: e.ACCT_HOST,
    publicUrl,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL, poolMax: e.ACCT_DB_POOL_MAX } : { dataDir: e.ACCT_DATA_DIR },
    migrationDatabaseUrl: e.ACCT_MIGRATION_DATABASE_URL,
    dataDir: e.ACCT_DATA_DIR,
    allowedOrigins: [...new Set(e.ACCT_ALLOWED_ORIGINS)],
    productName: e.ACCT_PRODUCT_NAME,
    brand: { productName: e.ACCT_PRODUCT_NAME, color: e.ACCT_BRAND_COLOR, logoUrl: e.ACCT_BRAND_LOGO_URL },
    defaultLanguage: e.ACCT_DEFAULT_LANGUAGE,
    languages: [...new Set(e.ACCT_LANGUAGES)],
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
      from: mailFrom,
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
    dataExport: {
      ttlSeconds: e.ACCT_EXPORT_TTL,
      hookUrl: e.ACCT_EXPORT_HOOK_URL,
      hookTimeoutSeconds: e.ACCT_EXPORT_HOOK_TIMEOUT,
    },
    deletionGraceDays: e.ACCT_DELETION_GRACE_DAYS,
    siteSecret: e.ACCT_SITE_SECRET,
    notificationTypes: e.ACCT_NOTIFICATION_TYPES,
    hashConcurrency: e.ACCT_HASH_CONCURRENCY,
    logLevel: e.ACCT_LOG_LEVEL,
    shutdownTimeoutMs: e.ACCT_SHUTDOWN_TIMEOUT_MS,
    bundleMaxAgeSeconds: e.ACCT_BUNDLE_MAX_AGE,
    avatarMaxBytes: e.ACCT_AVATAR_MAX_BYTES,
    runJobs: e.ACCT_RUN_JOBS,
    processes: e.ACCT_PROCESSES,
    oauthProviders: oauth.providers,
    oauthStoreTokens: e.ACCT_OAUTH_STORE_TOKENS,
    webhookAllowPrivate: e.ACCT_WEBHOOK_ALLOW_PRIVATE,
    webhookRetentionDays: e.ACCT_WEBHOOK_RETENTION_DAYS,
    webhookTimeoutMs: e.ACCT_WEBHOOK_TIMEOUT_MS,
    development: dev,
    devProviderPort: e.ACCT_DEV_PROVIDER_PORT,
    push: push.settings,
    connectedApps: connectedApps.apps,
  };
}

/**
 * For command-line entry points: the settings from the environment, `.env` and `defaultsFile` (in
 * that order of precedence: the first that sets a variable wins), or a clear message naming every
 * bad variable and exit code 78 (EX_CONFIG) — never a stack trace. `.env` may be missing,
 * `defaultsFile` may not.
 */
export function loadConfigOrExit(options: LoadOptions = {}, defaultsFile?: string): Config {
  dotenv.config({ path: defaultsFile ? ['.env', defaultsFile] : '.env', quiet: true });
  try {
    if (defaultsFile && !existsSync(defaultsFile)) throw new ConfigError(`there is no settings file ${defaultsFile}`);
    return loadConfig(process.env, options);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`acct: ${err.message}`);
    process.exit(78);
  }
}
