// The State Council schedule as shipped by chinese-days (2004 through 2026 in 1.5.7).
// We read its documented JSON dump instead of calling isWorkday(): the library parses
// 'YYYY-MM-DD' as UTC midnight but formats with local getters, so under a machine TZ west of
// UTC (e.g. America/New_York) isWorkday('2026-02-28') and isWorkday(new Date(2026, 1, 28))
// give wrong answers. The JSON keys are plain calendar dates and need no time zone at all.
import schedule from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export type DayKind = 'workday' | 'holiday';

/** Calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export type IsoDate = string;

export type DayKindResolver = (date: IsoDate) => DayKind;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Only the key sets are needed; the values are festival names.
const officialHolidays = new Set(Object.keys(schedule.holidays));
const officialWorkdays = new Set(Object.keys(schedule.workdays));

/** Last year the bundled schedule covers; later years fall back to plain weekends. */
export const OFFICIAL_SCHEDULE_LAST_YEAR = Math.max(
  ...[...officialHolidays, ...officialWorkdays].map((d) => Number(d.slice(0, 4))),
);

function weekdayOf(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`);
  const [, y, mo, d] = m;
  const utc = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // Rejects 2026-02-30 and the like, which Date.UTC would silently roll over.
  if (utc.toISOString().slice(0, 10) !== date) throw new RangeError(`无效日期：${date}`);
  return utc.getUTCDay();
}

/**
 * Builds the resolver that says whether a date is a workday.
 *
 * Order: `overrides` (the admin-maintained table, so that next year's schedule or a local
 * emergency day off takes effect without a release), then the bundled State Council schedule
 * (holidays and make-up workdays 调休), then Monday–Friday. The map is read on every call,
 * so entries added to it later apply immediately.
 */
export function createDayKindResolver(overrides: ReadonlyMap<IsoDate, DayKind> = new Map()): DayKindResolver {
  return (date) => {
    const weekday = weekdayOf(date); // validates before any lookup
    const override = overrides.get(date);
    if (override) return override;
    if (officialWorkdays.has(date)) return 'workday';
    if (officialHolidays.has(date)) return 'holiday';
    return weekday === 0 || weekday === 6 ? 'holiday' : 'workday';
  };
}

/**
 * The State Council's special days of a year as shipped (holidays and make-up workdays 调休)
 * with their festival's Chinese name, for the calendar page; weekends are not listed.
 */
export function officialSpecialDays(year: number): { date: IsoDate; kind: DayKind; name: string }[] {
  const zh = (value: string) => value.split(',')[1] ?? value;
  const pick = (entries: Record<string, string>, kind: DayKind) =>
    Object.entries(entries)
      .filter(([d]) => d.startsWith(`${year}-`))
      .map(([date, value]) => ({ date, kind, name: zh(value) }));
  return [...pick(schedule.holidays, 'holiday'), ...pick(schedule.workdays, 'workday')].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}
