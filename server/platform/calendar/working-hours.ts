import type { DayKindResolver } from './day-kind.ts';

/** A working period within a day, Beijing time, `HH:MM` (end may be `24:00`). */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** 08:30–12:00 and 13:30–17:30: 7.5 working hours a day. */
export const DEFAULT_WORKING_PERIODS: readonly WorkingPeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

/** Working-time arithmetic on the official calendar, always in Asia/Shanghai. */
export interface WorkingCalendar {
  /** Working minutes in one full workday (450 with the default periods). */
  readonly minutesPerWorkday: number;
  /**
   * The earliest instant at which `minutes` of working time have elapsed since `start`.
   * Time outside working periods does not count, so counting from a non-working instant
   * effectively starts at the next period. 0 minutes returns `start` itself; a count that
   * ends exactly at a period's end returns that end (12:00), not the next start (13:30).
   */
  addWorkingMinutes(start: Date, minutes: number): Date;
  /** Working minutes in [a, b], fractional if the instants are not on whole minutes; 0 if b <= a. */
  workingMinutesBetween(a: Date, b: Date): number;
  /** True inside a working period on a workday (start inclusive, end exclusive). */
  isWorkingTime(d: Date): boolean;
}

// China has observed no DST since 1991, so Beijing time is a fixed UTC+8 and plain offset
// arithmetic is exact; this keeps results independent of the server's TZ setting.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
// A decade without a single workday means a broken override table, not a real calendar.
const MAX_IDLE_DAYS = 3_660;

interface Span {
  start: number; // ms since Beijing midnight
  end: number;
}

function parseClock(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || min > 59 || h * 60 + min > 1440) throw new RangeError(`工作时段时间格式应为 HH:MM：${hhmm}`);
  return (h * 60 + min) * MINUTE_MS;
}

function toSpans(periods: readonly WorkingPeriod[]): Span[] {
  const spans = periods.map((p) => ({ start: parseClock(p.start), end: parseClock(p.end) }));
  if (spans.length === 0) throw new RangeError('至少需要一个工作时段');
  spans.forEach((s, i) => {
    const prev = spans[i - 1];
    if (s.end <= s.start || (prev && s.start < prev.end)) {
      throw new RangeError('工作时段须按时间先后排列且互不重叠');
    }
  });
  return spans;
}

/** Splits an instant into a Beijing day number and the ms elapsed since that day's midnight. */
function split(d: Date): { day: number; offset: number } {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError('无效的时间');
  const local = t + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  return { day, offset: local - day * DAY_MS };
}

function toInstant(day: number, offset: number): Date {
  return new Date(day * DAY_MS + offset - SHANGHAI_OFFSET_MS);
}

function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Builds a calendar from a day-kind resolver and the daily working periods. */
export function createWorkingCalendar(
  dayKind: DayKindResolver,
  periods: readonly WorkingPeriod[] = DEFAULT_WORKING_PERIODS,
): WorkingCalendar {
  const spans = toSpans(periods);
  const isWorkday = (day: number) => dayKind(isoDateOf(day)) === 'workday';

  function addWorkingMinutes(start: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`工作分钟数须为非负数：${minutes}`);
    let { day, offset } = split(start);
    let remaining = Math.round(minutes * MINUTE_MS);
    if (remaining === 0) return new Date(start.getTime());
    // One step per calendar day, so a 30-workday limit costs ~45 iterations, not 13,500.
    for (let idle = 0; idle <= MAX_IDLE_DAYS; day++, offset = 0) {
      if (!isWorkday(day)) {
        idle++;
        continue;
      }
      idle = 0;
      for (const span of spans) {
        const from = Math.max(span.start, offset);
        if (from >= span.end) continue;
        if (remaining <= span.end - from) return toInstant(day, from + remaining);
        remaining -= span.end - from;
      }
    }
    throw new Error('节假日配置异常：连续十年没有工作日');
  }

  function workingMinutesBetween(a: Date, b: Date): number {
    const from = split(a);
    const to = split(b);
    if (b.getTime() <= a.getTime()) return 0;
    let total = 0;
    for (let day = from.day; day <= to.day; day++) {
      if (!isWorkday(day)) continue;
      const lo = day === from.day ? from.offset : 0;
      const hi = day === to.day ? to.offset : DAY_MS;
      for (const span of spans) total += Math.max(0, Math.min(span.end, hi) - Math.max(span.start, lo));
    }
    return total / MINUTE_MS;
  }

  function isWorkingTime(d: Date): boolean {
    const { day, offset } = split(d);
    return isWorkday(day) && spans.some((s) => offset >= s.start && offset < s.end);
  }

  return {
    minutesPerWorkday: spans.reduce((sum, s) => sum + s.end - s.start, 0) / MINUTE_MS,
    addWorkingMinutes,
    workingMinutesBetween,
    isWorkingTime,
  };
}
