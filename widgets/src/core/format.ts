/**
 * Formatting shared by the account elements: times relative to now ("5 minutes ago", "il y a
 * 5 minutes") and in full, places (a country code becomes its name in the reader's language),
 * devices and sign-in methods. Everything goes through `Intl`, so any language the browser knows
 * is formatted correctly even where acct has no translation of its own.
 */
import type { AuthMethod } from '../../../contract/sessions.js';
import type { Translation } from './i18n/index.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * `date` relative to `now`: "now" under a minute, then "3 minutes ago", "yesterday", "last week"…
 * (`numeric: 'auto'` lets each language use its words for ±1 day/week.)
 */
export function relativeTime(lang: string, date: Date, now: Date = new Date()): string {
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const seconds = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  // Under a minute, and clocks that disagree by a few seconds: both read as "now".
  return format.format(0, 'second');
}

/** The full date and time, for a tooltip and for `<time>`'s readers. */
export function fullDateTime(lang: string, date: Date): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** A country's name in `lang` when the server gave an ISO 3166 code (`FR` → "France"), else the text as given. */
export function countryName(lang: string, country: string): string {
  if (!/^[A-Za-z]{2}$/.test(country)) return country;
  try {
    return new Intl.DisplayNames(lang, { type: 'region' }).of(country.toUpperCase()) ?? country;
  } catch {
    return country;
  }
}

/** "Paris, France", "France", or the translated "Unknown location". */
export function placeText(t: Translation, place: { city: string | null; country: string | null } | null): string {
  const parts = [place?.city, place?.country ? countryName(t.$lang, place.country) : null].filter(Boolean);
  return parts.length ? parts.join(', ') : t.device.unknownPlace;
}

/** "Chrome 120 on Linux", either half alone, or null when neither is known. */
export function browserText(t: Translation, browser: string | null, os: string | null): string | null {
  if (browser && os) return t.device.browserOnOs(browser, os);
  return browser || os || null;
}

/** The translated name of a sign-in method, or the server's word for one we have no name for. */
export function methodText(t: Translation, method: AuthMethod | string | null): string | null {
  if (!method) return null;
  // A sign-in through a provider is recorded as `oauth_<provider>`.
  return t.methods[method] ?? (method.startsWith('oauth_') ? (t.methods.oauth ?? method) : method);
}

/** A device type the sessions list and history know an icon for. */
export type DeviceKind = 'desktop' | 'mobile' | 'tablet' | 'unknown';

export function deviceKind(type: string | null | undefined): DeviceKind {
  return type === 'desktop' || type === 'mobile' || type === 'tablet' ? type : 'unknown';
}

/**
 * What a device is called: its own name when the server knows one ("iPhone", "Pixel 7"), else one
 * made here in the reader's language from its type and system ("Windows computer", "Ordinateur
 * Windows"), else its type alone ("Computer"). The system's version is left out of the name: the
 * details line shows it.
 */
export function deviceName(
  t: Translation,
  device: { type: string | null; name: string | null; os: string | null },
): string {
  if (device.name) return device.name;
  const kind = deviceKind(device.type);
  const os = device.os?.replace(/ [\d.]+$/, '');
  if (os) return t.genericNames[kind](os);
  return t.device[kind];
}
