import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDayKindResolver } from './day-kind.ts';
import { createWorkingCalendar } from './working-hours.ts';

// 2027-01-01 overridden so that the generated range crosses an admin-entered holiday too.
const calendar = createWorkingCalendar(createDayKindResolver(new Map([['2027-01-01', 'holiday']])));

const FROM = Date.parse('2025-12-20T00:00:00+08:00');
const TO = Date.parse('2027-01-20T00:00:00+08:00');
const MINUTE = 60_000;

// Whole minutes hit period boundaries (08:30, 12:00 …) often; raw milliseconds cover the rest.
const instant = fc.oneof(
  fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => new Date(m * MINUTE)),
  fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms)),
);
const workingInstant = instant.filter((t) => calendar.isWorkingTime(t));
// Up to 30 working days, the longest step limit we expect.
const minutes = fc.integer({ min: 0, max: 30 * 450 });

describe('WorkingCalendar properties', () => {
  it('is monotone in the minutes: more minutes never give an earlier due time', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (t, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(calendar.addWorkingMinutes(t, lo).getTime()).toBeLessThanOrEqual(
          calendar.addWorkingMinutes(t, hi).getTime(),
        );
      }),
    );
  });

  it('is monotone in the start: a later start never gives an earlier due time', () => {
    fc.assert(
      fc.property(instant, instant, minutes, (s, t, m) => {
        const [early, late] = s <= t ? [s, t] : [t, s];
        expect(calendar.addWorkingMinutes(early, m).getTime()).toBeLessThanOrEqual(
          calendar.addWorkingMinutes(late, m).getTime(),
        );
      }),
    );
  });

  // Because the due time is the EARLIEST instant at which the minutes have elapsed (a count
  // ending at 12:00 stays at 12:00), additivity holds for every start, working time or not,
  // and for every a, b >= 0 including 0.
  it('is additive: add(add(t, a), b) == add(t, a + b) for every t and a, b >= 0', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (t, a, b) => {
        expect(calendar.addWorkingMinutes(calendar.addWorkingMinutes(t, a), b)).toEqual(
          calendar.addWorkingMinutes(t, a + b),
        );
      }),
    );
  });

  it('round-trips: workingMinutesBetween(t, add(t, m)) == m for every t', () => {
    fc.assert(
      fc.property(instant, minutes, (t, m) => {
        expect(calendar.workingMinutesBetween(t, calendar.addWorkingMinutes(t, m))).toBe(m);
      }),
    );
  });

  it('round-trips from working time as the brief states it', () => {
    fc.assert(
      fc.property(workingInstant, minutes, (t, m) => {
        expect(calendar.workingMinutesBetween(t, calendar.addWorkingMinutes(t, m))).toBe(m);
      }),
    );
  });

  // The converse only holds up to idle time: add() returns the earliest instant with the same
  // working time, which is before u whenever u sits in a break, a night or a holiday.
  it('inverts workingMinutesBetween up to idle time: add(t, between(t, u)) <= u', () => {
    fc.assert(
      fc.property(instant, instant, (t, u) => {
        const m = calendar.workingMinutesBetween(t, u);
        const due = calendar.addWorkingMinutes(t, m);
        expect(due.getTime()).toBeLessThanOrEqual(Math.max(t.getTime(), u.getTime()));
        expect(calendar.workingMinutesBetween(t, due)).toBeCloseTo(m, 9);
      }),
    );
  });

  it('always ends a positive count right after working time, never inside a break', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 * 450 }), (t, m) => {
        const due = calendar.addWorkingMinutes(t, m);
        expect(calendar.isWorkingTime(new Date(due.getTime() - 1))).toBe(true);
      }),
    );
  });

  it('splits intervals: between(a, c) == between(a, b) + between(b, c) for a <= b <= c', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const whole = calendar.workingMinutesBetween(a, c);
        expect(calendar.workingMinutesBetween(a, b) + calendar.workingMinutesBetween(b, c)).toBeCloseTo(whole, 9);
      }),
    );
  });
});
