import type { Station } from '../types';

export type OpeningPeriod = Station['openingHours'][number];
export const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** Opening hours as people read them: "周一 09:00–11:30、14:00–17:00；周六 09:00–11:30". */
export function describeHours(hours: readonly OpeningPeriod[]): string {
  const byDay = new Map<number, OpeningPeriod[]>();
  for (const h of [...hours].sort((a, b) => a.weekday - b.weekday || a.open.localeCompare(b.open)))
    byDay.set(h.weekday, [...(byDay.get(h.weekday) ?? []), h]);
  return (
    [...byDay]
      .map(([day, periods]) => `${WEEKDAY_LABELS[day]} ${periods.map((p) => `${p.open}–${p.close}`).join('、')}`)
      .join('；') || '未设置'
  );
}

/** How many slots a week of these hours gives (what one “open slots” of 7 days creates). */
export function slotsPerWeek(hours: readonly OpeningPeriod[], slotMinutes: number): number {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return hours.reduce((n, h) => n + Math.max(0, Math.floor((minutes(h.close) - minutes(h.open)) / slotMinutes)), 0);
}

/** Periods must open before they close and not overlap on the same day; returns the first problem in Chinese. */
export function hoursProblem(hours: readonly OpeningPeriod[]): string | null {
  if (!hours.length) return '请至少设置一个开放时段';
  const sorted = [...hours].sort((a, b) => a.weekday - b.weekday || a.open.localeCompare(b.open));
  for (const [i, h] of sorted.entries()) {
    if (!(h.open < h.close)) return `${WEEKDAY_LABELS[h.weekday]} ${h.open}–${h.close}：开始时间须早于结束时间`;
    const prev = sorted[i - 1];
    if (prev && prev.weekday === h.weekday && h.open < prev.close) return `${WEEKDAY_LABELS[h.weekday]} 的开放时段重叠`;
  }
  return null;
}
