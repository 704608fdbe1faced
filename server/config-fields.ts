/**
 * The kinds of value settings are made of, for the schema in config.ts: origins, a brand colour
 * and logo, lists, durations, flags, the proxy trust setting; and the session lifetimes each
 * transport defaults to. Each refuses a bad value with a message the start-up error shows.
 */
import { z } from 'zod';
import type { SessionTransport } from '../contract/constants';
import { normalizeHex } from './brand/colors';
/**
 * An origin as browsers send it in the `Origin` header: scheme, host and port, no path. A
 * trailing slash is forgiven; anything else (a path, a wildcard, `null`) is refused, because
 * CORS compares origins as exact strings and a near-miss would silently never match.
 */
export function parseOrigin(value: string, ctx: z.RefinementCtx): string {
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
export function parseBrandColor(value: string, ctx: z.RefinementCtx): string {
  const color = normalizeHex(value);
  if (color) return color;
  ctx.addIssue({ code: 'custom', message: `"${value}" is not a hex colour like #1d4ed8` });
  return z.NEVER;
}

/** Hosts a browser treats as a secure context over plain http. */
export const isLocalhost = (host: string) =>
  host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host);

/**
 * The logo's URL: https, or http on localhost (development). Its origin goes into the hosted
 * pages' CSP `img-src`, which can name a host but not an IPv6 address, and a URL with
 * credentials would put them in every page and mail.
 */
export function parseLogoUrl(value: string, ctx: z.RefinementCtx): string {
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

export const list = (raw: string) =>
  raw
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A duration: seconds, or a number with s/m/h/d (`30m`, `14d`). */
export const duration = z
  .string()
  .regex(/^\d+\s*[smhd]?$/, 'must be a duration like 900, 30m, 12h or 14d')
  .transform((raw) => {
    const value = Number.parseInt(raw, 10);
    const unit = raw.trim().slice(-1);
    const seconds: Record<string, number> = { m: 60, h: 3600, d: 86_400 };
    return value * (seconds[unit] ?? 1);
  })
  .or(z.number());

export const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Lifetimes per transport: a bearer secret is readable by page scripts, so it lives shorter. */
export const SESSION_DEFAULTS: Record<SessionTransport, { idle: number; absolute: number }> = {
  cookie: { idle: 14 * 86_400, absolute: 30 * 86_400 },
  'partitioned-cookie': { idle: 14 * 86_400, absolute: 30 * 86_400 },
  bearer: { idle: 86_400, absolute: 7 * 86_400 },
};

/** Express's `trust proxy` from text: true/false, a hop count, or a list of addresses/subnets. */
export function parseTrustProxy(raw: string): boolean | number | string[] {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  return list(raw);
}
