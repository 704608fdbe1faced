/**
 * Who is asking, as far as sessions, login history and mail care: the client address (through
 * trusted proxies only, per ACCT_TRUST_PROXY, so a spoofed X-Forwarded-For changes nothing
 * otherwise — docs/security.md A3), the device from the User-Agent, the city and country a trusted CDN
 * or proxy put in its headers, and the language the request asks for (`Accept-Language`, which
 * the elements set to their page's language). Services get this plain object, never the request.
 */
import type { Request } from 'express';
import { acceptedLanguage, SUPPORTED_LANGUAGES, type Language } from '../../i18n';
import { normalizeIp } from '../../security/client-ip';
import { parseUserAgent, type DeviceInfo } from './device';

export interface RequestContext {
  ip: string | undefined;
  userAgent: string | undefined;
  device: DeviceInfo;
  location: { city: string | null; country: string | null } | null;
  /** The most preferred language of `Accept-Language` that acct speaks; absent when it names none. */
  language?: Language | undefined;
}

/** Geolocation headers set by common edges: Cloudflare, Vercel, CloudFront, or a proxy of one's own. */
const CITY_HEADERS = ['cf-ipcity', 'x-vercel-ip-city', 'cloudfront-viewer-city', 'x-geo-city'];
const COUNTRY_HEADERS = ['cf-ipcountry', 'x-vercel-ip-country', 'cloudfront-viewer-country', 'x-geo-country'];

function firstHeader(req: Request, names: string[]): string | null {
  for (const name of names) {
    const value = req.headers[name];
    if (typeof value === 'string' && value.trim()) {
      let text = value.trim();
      try {
        text = decodeURIComponent(text); // Vercel percent-encodes city names
      } catch {
        // not percent-encoded after all: keep it as sent
      }
      // Control characters (a %00 would be a NUL PostgreSQL text refuses) are never part of a place name.
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      return text.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 100) || null;
    }
  }
  return null;
}

/** ACCT_LANGUAGES, as app.ts keeps it on the app; every supported language where it is not set. */
function allowedLanguages(req: Request): readonly Language[] {
  const allowed: unknown = req.app.get('acct languages');
  return Array.isArray(allowed) ? (allowed as Language[]) : SUPPORTED_LANGUAGES;
}

/** The most preferred language of the request's `Accept-Language` that acct speaks and the server allows. */
export function requestLanguage(req: Request): Language | undefined {
  return acceptedLanguage(req.headers['accept-language'], allowedLanguages(req));
}

export function requestContext(req: Request): RequestContext {
  const userAgent = req.headers['user-agent']?.slice(0, 512);
  // Location headers are only as trustworthy as the proxy that sets them: without a trusted
  // proxy anyone could send them.
  const trusted = Boolean(req.app.get('trust proxy'));
  const city = trusted ? firstHeader(req, CITY_HEADERS) : null;
  const country = trusted ? firstHeader(req, COUNTRY_HEADERS) : null;
  return {
    ip: normalizeIp(req.ip),
    userAgent,
    device: parseUserAgent(userAgent),
    location: city || country ? { city, country } : null,
    language: requestLanguage(req),
  };
}
