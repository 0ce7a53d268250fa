import { describe, expect, it } from 'vitest';
import { describeHours, hoursProblem, slotsPerWeek } from './hours';

const HOURS = [
  { weekday: 6, open: '09:00', close: '11:30' },
  { weekday: 1, open: '14:00', close: '17:00' },
  { weekday: 1, open: '09:00', close: '11:30' },
];

describe('station opening hours', () => {
  it('reads them by weekday, periods in order', () => {
    expect(describeHours(HOURS)).toBe('周一 09:00–11:30、14:00–17:00；周六 09:00–11:30');
    expect(describeHours([])).toBe('未设置');
  });
  it('counts the whole slots a week gives', () => {
    // 150 min → 5, 180 min → 6, 150 min → 5 slots of 30 minutes; 45-minute slots: 3 + 4 + 3
    expect(slotsPerWeek(HOURS, 30)).toBe(16);
    expect(slotsPerWeek(HOURS, 45)).toBe(10);
  });
  it('refuses periods that close before they open or overlap', () => {
    expect(hoursProblem(HOURS)).toBeNull();
    expect(hoursProblem([{ weekday: 2, open: '10:00', close: '09:00' }])).toContain('开始时间须早于结束时间');
    expect(
      hoursProblem([
        { weekday: 3, open: '09:00', close: '12:00' },
        { weekday: 3, open: '11:00', close: '13:00' },
      ]),
    ).toContain('重叠');
    expect(hoursProblem([])).toContain('至少');
  });
});
