import { describe, expect, it } from 'vitest';
import { createDayKindResolver } from './day-kind.ts';
import { createWorkingCalendar } from './working-hours.ts';

// Every instant is written with its +08:00 offset so that the tests mean the same on any machine.
const bj = (local: string) => new Date(`${local}:00+08:00`);
const calendar = createWorkingCalendar(createDayKindResolver());

describe('addWorkingMinutes', () => {
  it.each([
    ['counts within one period', '2026-03-09T09:00', 60, '2026-03-09T10:00'],
    ['skips the lunch break', '2026-03-09T11:30', 60, '2026-03-09T14:00'],
    ['stops at a period end rather than the next start', '2026-03-09T08:30', 210, '2026-03-09T12:00'],
    ['lands a Friday-afternoon deadline on Monday', '2026-03-06T16:30', 120, '2026-03-09T09:30'],
    ['starts counting at the next period when reported at night', '2026-03-09T20:15', 30, '2026-03-10T09:00'],
    ['starts counting on Monday when reported on Sunday', '2026-03-08T10:00', 450, '2026-03-09T17:30'],
    ['returns the start itself for 0 minutes', '2026-03-08T10:00', 0, '2026-03-08T10:00'],
    ['skips the whole 2026 National Day holiday', '2026-09-30T17:00', 60, '2026-10-08T09:00'],
    ['counts the make-up Saturday 2026-10-10', '2026-10-09T17:00', 60, '2026-10-10T09:00'],
    ['counts the make-up Sunday 2026-09-20', '2026-09-19T10:00', 30, '2026-09-20T09:00'],
    ['skips the 2026 Spring Festival (02-15…02-23)', '2026-02-14T17:00', 450, '2026-02-24T17:00'],
    ['spans 30 working days, skipping Qingming Monday 2026-04-06', '2026-03-02T08:30', 30 * 450, '2026-04-13T17:30'],
  ])('%s', (_why, start, minutes, due) => {
    expect(calendar.addWorkingMinutes(bj(start), minutes)).toEqual(bj(due));
  });

  it('treats 2027-01-01 as a holiday once the admin table says so', () => {
    const start = bj('2026-12-31T17:00');
    expect(calendar.addWorkingMinutes(start, 60)).toEqual(bj('2027-01-01T09:00'));
    const patched = createWorkingCalendar(createDayKindResolver(new Map([['2027-01-01', 'holiday']])));
    expect(patched.addWorkingMinutes(start, 60)).toEqual(bj('2027-01-04T09:00'));
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d minutes', (minutes) => {
    expect(() => calendar.addWorkingMinutes(bj('2026-03-09T09:00'), minutes)).toThrow(RangeError);
  });

  it('fails loudly instead of looping when no workday ever comes', () => {
    const never = createWorkingCalendar(() => 'holiday');
    expect(() => never.addWorkingMinutes(bj('2026-03-09T09:00'), 1)).toThrow(/没有工作日/);
  });
});

describe('workingMinutesBetween', () => {
  it.each([
    ['one full workday', '2026-03-09T08:00', '2026-03-09T18:00', 450],
    ['Friday 17:00 to Monday 09:00', '2026-03-06T17:00', '2026-03-09T09:00', 60],
    ['the National Day week: only 09-30 and 10-08 count', '2026-09-30T00:00', '2026-10-08T23:59', 900],
    ['the National Day week with the make-up Saturday', '2026-09-30T00:00', '2026-10-10T23:59', 1800],
    ['a reversed interval', '2026-03-09T12:00', '2026-03-09T09:00', 0],
  ])('%s', (_why, a, b, minutes) => {
    expect(calendar.workingMinutesBetween(bj(a), bj(b))).toBe(minutes);
  });

  it('keeps seconds as a fraction of a minute', () => {
    expect(calendar.workingMinutesBetween(bj('2026-03-09T09:00'), new Date('2026-03-09T09:00:30+08:00'))).toBe(0.5);
  });
});

describe('isWorkingTime', () => {
  it.each([
    ['2026-03-09T08:30', true],
    ['2026-03-09T08:29', false],
    ['2026-03-09T12:00', false],
    ['2026-03-09T13:30', true],
    ['2026-03-09T17:29', true],
    ['2026-03-09T17:30', false],
    ['2026-03-07T10:00', false], // Saturday
    ['2026-10-10T10:00', true], // make-up Saturday
    ['2026-10-01T10:00', false], // National Day
  ] as const)('%s → %s', (at, expected) => {
    expect(calendar.isWorkingTime(bj(at))).toBe(expected);
  });
});

describe('configurable working periods', () => {
  it('uses 09:00–17:00 without a lunch break when configured so', () => {
    const nineToFive = createWorkingCalendar(createDayKindResolver(), [{ start: '09:00', end: '17:00' }]);
    expect(nineToFive.minutesPerWorkday).toBe(480);
    expect(calendar.minutesPerWorkday).toBe(450);
    expect(nineToFive.addWorkingMinutes(bj('2026-03-09T11:30'), 60)).toEqual(bj('2026-03-09T12:30'));
  });

  it.each([
    [[]],
    [[{ start: '13:00', end: '12:00' }]],
    [
      [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
    ],
    [[{ start: '8:30', end: '12:00' }]],
    [[{ start: '08:30', end: '24:30' }]],
  ])('rejects the invalid periods %j', (periods) => {
    expect(() => createWorkingCalendar(createDayKindResolver(), periods)).toThrow(RangeError);
  });
});
