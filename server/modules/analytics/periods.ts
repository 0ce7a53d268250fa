/** Asia/Shanghai has no daylight saving: local time is UTC+8 all year. */
const OFFSET_MS = 8 * 3600_000;

function local(d: Date) {
  const t = new Date(d.getTime() + OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate() };
}

const atLocal = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m, d) - OFFSET_MS);
const monthKey = (y: number, m: number) => {
  const t = new Date(Date.UTC(y, m, 1));
  return t.toISOString().slice(0, 7);
};

export interface Periods {
  now: Date;
  todayStart: Date;
  tomorrowStart: Date;
  monthStart: Date;
  nextMonthStart: Date;
  month: string;
  last12: string[];
}

/** Today, this month and the last 12 months (oldest first) in Shanghai time. */
export function periodsAt(now: Date): Periods {
  const { y, m, d } = local(now);
  return {
    now,
    todayStart: atLocal(y, m, d),
    tomorrowStart: atLocal(y, m, d + 1),
    monthStart: atLocal(y, m),
    nextMonthStart: atLocal(y, m + 1),
    month: monthKey(y, m),
    last12: Array.from({ length: 12 }, (_, i) => monthKey(y, m - 11 + i)),
  };
}
