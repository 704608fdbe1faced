/**
 * Times for the account elements, relative to now ("5 minutes ago", "il y a 5 minutes") and in
 * full. Through `Intl`, so any language the browser knows is formatted correctly even where acct
 * has no translation of its own. Apart from device-format.ts, which only the lists of devices and
 * sign-ins need, so that an element showing a date loads no more than this.
 */
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
