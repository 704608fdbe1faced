/**
 * Quiet hours as arithmetic on wall-clock times in the user's IANA time zone, with no library:
 * `Intl` tells a zone's offset at an instant, and `localToInstant` turns a wall-clock time back
 * into an instant the way Temporal's `disambiguation: 'compatible'` does — a time skipped by a
 * spring-forward change (02:30) is read with the offset from before it, i.e. one hour later on
 * the new clock (03:30); a time that happens twice on a fall-back day (01:30) is the first one.
 *
 * A window belongs to the day it STARTS on: 22:00–08:00 on Friday holds Friday 22:00 to Saturday
 * 08:00, whether or not Saturday is ticked. A window whose end is not after its start ends the
 * next day; start equal to end is a whole day.
 */

export interface QuietHours {
  enabled: boolean;
  /** `HH:MM`, 24-hour wall clock. */
  start: string;
  end: string;
  /** IANA zone, e.g. `Europe/Paris`. */
  timeZone: string;
  /** Days whose windows apply, Sunday = 0. */
  days: number[];
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `instant`, as if it were UTC (milliseconds). */
function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The zone's offset from UTC at `instant`, in milliseconds (whole seconds). */
const offsetAt = (instant: number, timeZone: string) =>
  wallClock(instant, timeZone) - Math.floor(instant / 1000) * 1000;

/** The instant a wall-clock time (given as if UTC) happens in `timeZone`; see the file comment for DST. */
export function localToInstant(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY_MS / 2, timeZone);
  const after = offsetAt(wall + DAY_MS / 2, timeZone);
  const valid = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall);
  // Skipped by a spring-forward change: read with the earlier offset, which lands past the gap.
  if (!valid.length) return wall - before;
  return Math.min(...valid);
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The window that starts on the local day `dayStart` (midnight as if UTC), if that day is ticked. */
function windowOf(dayStart: number, q: QuietHours): { start: number; end: number } | null {
  if (!q.days.includes(new Date(dayStart).getUTCDay())) return null;
  const startMin = minutes(q.start);
  const endMin = minutes(q.end);
  const endDay = endMin > startMin ? dayStart : dayStart + DAY_MS;
  return {
    start: localToInstant(dayStart + startMin * 60_000, q.timeZone),
    end: localToInstant(endDay + endMin * 60_000, q.timeZone),
  };
}

/**
 * When the quiet hours holding `now` end, or null when `now` is not inside quiet hours (or they
 * are off). Back-to-back windows (whole days) are followed to the last one's end.
 */
export function quietHoursEnd(now: Date, q: QuietHours): Date | null {
  if (!q.enabled || !q.days.length) return null;
  let at = now.getTime();
  let found = false;
  for (let guard = 0; guard < 8; guard++) {
    const wall = wallClock(at, q.timeZone);
    const today = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
    const holding = [today - DAY_MS, today]
      .map((day) => windowOf(day, q))
      .find((w) => w !== null && w.start <= at && at < w.end);
    if (!holding) break;
    found = true;
    at = holding.end;
  }
  return found ? new Date(at) : null;
}

/**
 * The next time at `hour`:00 local in `timeZone` after `now`, on `weekday` (Sunday = 0) when
 * given: when daily and weekly digests go out.
 */
export function nextLocalTime(now: Date, timeZone: string, hour: number, weekday?: number): Date {
  const wall = wallClock(now.getTime(), timeZone);
  const today = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
  for (let day = 0; day <= 8; day++) {
    const dayStart = today + day * DAY_MS;
    if (weekday !== undefined && new Date(dayStart).getUTCDay() !== weekday) continue;
    const instant = localToInstant(dayStart + hour * 3_600_000, timeZone);
    if (instant > now.getTime()) return new Date(instant);
  }
  throw new Error('unreachable: a matching day is always within eight days');
}
