/**
 * What the lists of devices and sign-ins show about them: places (a country code becomes its name
 * in the reader's language), devices and sign-in methods. Through `Intl` where it can, like the
 * times (time-format.ts).
 */
import type { AuthMethod } from '../../../contract/sessions.js';
import type { Translation } from './i18n/index.js';

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
