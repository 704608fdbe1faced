/**
 * Quiet-hours arithmetic, table-driven with an injected clock: windows across midnight, the day a
 * window starts on, time zones (whole and half-hour offsets) and both DST change days, where a
 * wall-clock time is skipped (02:30 on spring-forward day) or happens twice (01:30 on fall-back day).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTimeZone, nextLocalTime, quietHoursEnd, type QuietHours } from './quiet-hours';

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const q = (fields: Partial<QuietHours>): QuietHours => ({
  enabled: true,
  start: '22:00',
  end: '08:00',
  timeZone: 'UTC',
  days: EVERY_DAY,
  ...fields,
});

const CASES: { name: string; now: string; quiet: QuietHours; end: string | null }[] = [
  { name: 'off', now: '2026-12-03T23:00:00Z', quiet: q({ enabled: false }), end: null },
  { name: 'no day ticked', now: '2026-12-03T23:00:00Z', quiet: q({ days: [] }), end: null },
  { name: 'evening, across midnight', now: '2026-12-03T23:00:00Z', quiet: q({}), end: '2026-12-04T08:00:00Z' },
  { name: 'at the start', now: '2026-12-03T22:00:00Z', quiet: q({}), end: '2026-12-04T08:00:00Z' },
  { name: 'morning, window of the day before', now: '2026-12-04T07:59:00Z', quiet: q({}), end: '2026-12-04T08:00:00Z' },
  { name: 'at the end: out', now: '2026-12-04T08:00:00Z', quiet: q({}), end: null },
  { name: 'midday: out', now: '2026-12-04T12:00:00Z', quiet: q({}), end: null },
  {
    name: 'same-day window',
    now: '2026-12-04T13:30:00Z',
    quiet: q({ start: '13:00', end: '14:00' }),
    end: '2026-12-04T14:00:00Z',
  },
  // 2026-12-04 is a Friday (5).
  {
    name: 'Friday night, Friday ticked',
    now: '2026-12-04T23:00:00Z',
    quiet: q({ days: [5] }),
    end: '2026-12-05T08:00:00Z',
  },
  {
    name: 'Saturday morning: Friday’s window',
    now: '2026-12-05T07:00:00Z',
    quiet: q({ days: [5] }),
    end: '2026-12-05T08:00:00Z',
  },
  { name: 'Saturday night, Saturday not ticked', now: '2026-12-05T23:00:00Z', quiet: q({ days: [5] }), end: null },
  {
    name: 'Friday morning: Thursday’s window, not ticked',
    now: '2026-12-04T07:00:00Z',
    quiet: q({ days: [5] }),
    end: null,
  },
  {
    name: 'Paris (UTC+1 in winter)',
    now: '2026-12-03T21:30:00Z',
    quiet: q({ timeZone: 'Europe/Paris', end: '07:00' }),
    end: '2026-12-04T06:00:00Z',
  },
  {
    name: 'Paris: 21:30 UTC is already quiet there, 20:30 UTC is not',
    now: '2026-12-03T20:30:00Z',
    quiet: q({ timeZone: 'Europe/Paris' }),
    end: null,
  },
  {
    name: 'Kolkata (UTC+5:30)',
    now: '2026-12-03T18:00:00Z',
    quiet: q({ timeZone: 'Asia/Kolkata', start: '23:00', end: '06:30' }),
    end: '2026-12-04T01:00:00Z',
  },
  // New York springs forward on Sunday 2026-03-08 at 02:00 → 03:00: 02:30 does not exist and
  // reads as 03:30 EDT (07:30 UTC).
  {
    name: 'spring forward: before the skipped start',
    now: '2026-03-08T07:00:00Z',
    quiet: q({ timeZone: 'America/New_York', start: '02:30', end: '06:00' }),
    end: null,
  },
  {
    name: 'spring forward: the skipped start reads as 03:30 EDT',
    now: '2026-03-08T07:30:00Z',
    quiet: q({ timeZone: 'America/New_York', start: '02:30', end: '06:00' }),
    end: '2026-03-08T10:00:00Z',
  },
  {
    name: 'spring forward: overnight window ends at 08:00 EDT',
    now: '2026-03-08T05:00:00Z',
    quiet: q({ timeZone: 'America/New_York' }),
    end: '2026-03-08T12:00:00Z',
  },
  // New York falls back on Sunday 2026-11-01 at 02:00 → 01:00: 01:30 happens twice; the window
  // ends at the first (05:30 UTC).
  {
    name: 'fall back: ends at the first 01:30',
    now: '2026-11-01T04:00:00Z',
    quiet: q({ timeZone: 'America/New_York', end: '01:30' }),
    end: '2026-11-01T05:30:00Z',
  },
  {
    name: 'fall back: between the two 01:30s, out',
    now: '2026-11-01T05:45:00Z',
    quiet: q({ timeZone: 'America/New_York', end: '01:30' }),
    end: null,
  },
  {
    name: 'fall back: the second 01:15, out',
    now: '2026-11-01T06:15:00Z',
    quiet: q({ timeZone: 'America/New_York', end: '01:30' }),
    end: null,
  },
  {
    name: 'fall back: overnight window is an hour longer in UTC',
    now: '2026-11-01T03:00:00Z',
    quiet: q({ timeZone: 'America/New_York' }),
    end: '2026-11-01T13:00:00Z',
  },
  // 2026-12-06 is a Sunday.
  {
    name: 'start equal to end: a whole day',
    now: '2026-12-06T10:00:00Z',
    quiet: q({ start: '00:00', end: '00:00', days: [0] }),
    end: '2026-12-07T00:00:00Z',
  },
  {
    name: 'back-to-back whole days are followed to the last',
    now: '2026-12-05T10:00:00Z',
    quiet: q({ start: '00:00', end: '00:00', days: [6, 0] }),
    end: '2026-12-07T00:00:00Z',
  },
];

describe('quietHoursEnd', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const end = quietHoursEnd(new Date(c.now), c.quiet);
      assert.equal(end?.toISOString() ?? null, c.end === null ? null : new Date(c.end).toISOString());
    });
  }
});

describe('nextLocalTime and isTimeZone', () => {
  it('finds the next 09:00 in a zone, and the next Monday’s', () => {
    const now = new Date('2026-12-03T10:00:00Z'); // Thursday, 11:00 in Paris
    assert.equal(nextLocalTime(now, 'Europe/Paris', 9).toISOString(), '2026-12-04T08:00:00.000Z');
    assert.equal(nextLocalTime(now, 'Europe/Paris', 9, 1).toISOString(), '2026-12-07T08:00:00.000Z');
    assert.equal(nextLocalTime(new Date('2026-12-03T07:00:00Z'), 'UTC', 9).toISOString(), '2026-12-03T09:00:00.000Z');
  });

  it('knows IANA zones and refuses others', () => {
    assert.equal(isTimeZone('Europe/Paris'), true);
    assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isTimeZone('not a zone'), false);
  });
});
