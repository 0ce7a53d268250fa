import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/tx.ts';
import { createDayKindResolver, type DayKind } from './day-kind.ts';
import { createWorkingCalendar, type WorkingCalendar } from './working-hours.ts';
import { calendarOverrides } from './schema.ts';

let cached: { fingerprint: string; calendar: WorkingCalendar; checkedAt: number } | null = null;
/** Other instances see an edited override within this long; the editing instance at once. */
const RECHECK_MS = 30_000;

/** Makes the next loadWorkingCalendar() re-read the overrides (called after an edit). */
export function forgetWorkingCalendar(): void {
  cached = null;
}

/**
 * The working calendar with the administrators' overrides applied. Rebuilt only when the
 * override table changes (its row count and latest edit form the fingerprint), which is checked
 * at most every 30 s: the check was a third of the inbox's database time.
 */
export async function loadWorkingCalendar(db: Queryable): Promise<WorkingCalendar> {
  if (cached && Date.now() - cached.checkedAt < RECHECK_MS) return cached.calendar;
  const [fp] = await db.select({ n: sql<number>`count(*)`, latest: sql<string>`coalesce(max(${calendarOverrides.updatedAt}), 'epoch')::text` }).from(calendarOverrides);
  const fingerprint = `${fp?.n}:${fp?.latest}`;
  if (cached?.fingerprint === fingerprint) {
    cached.checkedAt = Date.now();
    return cached.calendar;
  }
  const rows = await db.select({ date: calendarOverrides.date, kind: calendarOverrides.kind }).from(calendarOverrides);
  const overrides = new Map<string, DayKind>(rows.map((r) => [r.date, r.kind]));
  cached = { fingerprint, calendar: createWorkingCalendar(createDayKindResolver(overrides)), checkedAt: Date.now() };
  return cached.calendar;
}
