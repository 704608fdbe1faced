/**
 * What a quiet-hours editor needs from `Intl` (onboarding's preferences step and
 * `<acct-notification-settings>`): the browser's time zone, every zone it knows, and day names.
 */

/** Monday first (ISO 8601); the server numbers days from Sunday = 0. */
export const WEEK_DAYS = [1, 2, 3, 4, 5, 6, 0];

/** The browser's time zone, the default of a zone select. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every time zone the browser knows, with `current` in the list even if it is an alias Intl does not list (e.g. `UTC`). */
export function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/** "Monday" … in the reader's language: 7 January 2024 was a Sunday. */
export const dayName = (lang: string, day: number): string =>
  new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + day)));
