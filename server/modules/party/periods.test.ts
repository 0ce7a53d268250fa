import { describe, expect, it } from 'vitest';
import { elapsedShare, isBehindPace, monthBounds, periodOf } from './periods.ts';

describe('periods in Asia/Shanghai', () => {
  it('puts 2026-03-31 20:00 UTC into April (it is 04:00 on 1 April in Shanghai)', () => {
    const p = periodOf('month', new Date('2026-03-31T20:00:00Z'));
    expect(p.key).toBe('2026-04');
    expect(p.start.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-04-30T16:00:00.000Z');
  });
  it('names quarters and years', () => {
    expect(periodOf('quarter', new Date('2026-05-10T00:00:00Z')).key).toBe('2026-Q2');
    expect(periodOf('year', new Date('2025-12-31T17:00:00Z')).key).toBe('2026');
  });
  it('gives month bounds that round-trip through periodOf', () => {
    expect(monthBounds('2026-12').end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('isBehindPace', () => {
  const month = monthBounds('2026-04');
  const at = (day: number) => new Date(Date.UTC(2026, 3, day) - 8 * 3600_000);
  it.each([
    ['early in the month, no points', 0, at(10), false],
    ['mid-month, below half the target', 4, at(16), true],
    ['mid-month, at half the target', 5, at(16), false],
    ['late in the month, on pace', 9, at(28), false],
    ['late in the month, behind the linear pace', 7, at(28), true],
  ])('%s', (_label, points, now, behind) => {
    expect(isBehindPace(points as number, 10, elapsedShare(month, now as Date))).toBe(behind);
  });
  it('never alerts without a target', () => {
    expect(isBehindPace(0, 0, 1)).toBe(false);
  });
});
