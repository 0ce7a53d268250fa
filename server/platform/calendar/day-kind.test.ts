import { afterEach, describe, expect, it } from 'vitest';
import { createDayKindResolver, OFFICIAL_SCHEDULE_LAST_YEAR } from './day-kind.ts';

const official = createDayKindResolver();

describe('createDayKindResolver without overrides (State Council schedule)', () => {
  it.each([
    // 2026 Spring Festival: 02-15 (Sun) … 02-23 (Mon) off, 02-14 and 02-28 (Sat) make-up workdays
    ['2026-02-13', 'workday'],
    ['2026-02-14', 'workday'],
    ['2026-02-15', 'holiday'],
    ['2026-02-19', 'holiday'],
    ['2026-02-23', 'holiday'],
    ['2026-02-24', 'workday'],
    ['2026-02-28', 'workday'],
    // 2026 National Day: 10-01 … 10-07 off, 09-20 (Sun) and 10-10 (Sat) make-up workdays
    ['2026-09-20', 'workday'],
    ['2026-09-25', 'holiday'], // Mid-Autumn, a Friday
    ['2026-10-01', 'holiday'],
    ['2026-10-07', 'holiday'],
    ['2026-10-08', 'workday'],
    ['2026-10-10', 'workday'],
    ['2026-10-11', 'holiday'],
    // ordinary weekend and weekday
    ['2026-03-07', 'holiday'],
    ['2026-03-09', 'workday'],
  ] as const)('%s is a %s', (date, kind) => {
    expect(official(date)).toBe(kind);
  });

  it('knows the schedule through 2026 only, so 2027-01-01 reads as a plain Friday', () => {
    expect(OFFICIAL_SCHEDULE_LAST_YEAR).toBe(2026);
    expect(official('2027-01-01')).toBe('workday');
  });

  it.each(['2026-2-3', '2026-02-30', '20260203', ''])('rejects the malformed date %j', (bad) => {
    expect(() => official(bad)).toThrow(RangeError);
  });
});

describe('createDayKindResolver with overrides', () => {
  it('lets the admin table declare 2027-01-01 a holiday and a Saturday a workday', () => {
    const resolve = createDayKindResolver(
      new Map([
        ['2027-01-01', 'holiday'],
        ['2027-01-09', 'workday'],
      ]),
    );
    expect(resolve('2027-01-01')).toBe('holiday');
    expect(resolve('2027-01-09')).toBe('workday');
    expect(resolve('2027-01-04')).toBe('workday');
  });

  it('takes precedence over the bundled schedule and sees later edits of the map', () => {
    const overrides = new Map<string, 'workday' | 'holiday'>();
    const resolve = createDayKindResolver(overrides);
    expect(resolve('2026-10-01')).toBe('holiday');
    overrides.set('2026-10-01', 'workday');
    expect(resolve('2026-10-01')).toBe('workday');
  });
});

describe('independence from the machine time zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });

  it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])('gives the same answers under TZ=%s', (tz) => {
    process.env.TZ = tz;
    expect(['2026-02-14', '2026-02-15', '2026-02-28', '2026-09-20', '2026-10-01', '2026-10-10'].map(official)).toEqual([
      'workday',
      'holiday',
      'workday',
      'workday',
      'holiday',
      'workday',
    ]);
  });
});
