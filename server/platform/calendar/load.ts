import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/tx.ts';
import { countAndLatest, fingerprintCache } from '../fingerprint-cache.ts';
import { createDayKindResolver, type DayKind } from './day-kind.ts';
import { createWorkingCalendar, type WorkingCalendar } from './working-hours.ts';
import { calendarOverrides } from './schema.ts';

/**
 * The working calendar with the administrators' overrides applied, rebuilt when the override
 * table changes. The check runs at most every 30 s (it was a third of the inbox's database time):
 * other instances see an edit within that long, the editing instance at once (forget).
 */
const calendar = fingerprintCache<WorkingCalendar>({
  fingerprint: countAndLatest(sql`${calendarOverrides}`, sql`${calendarOverrides.updatedAt}`),
  recheckMs: 30_000,
  async build(db) {
    const rows = await db
      .select({ date: calendarOverrides.date, kind: calendarOverrides.kind })
      .from(calendarOverrides);
    return createWorkingCalendar(createDayKindResolver(new Map<string, DayKind>(rows.map((r) => [r.date, r.kind]))));
  },
});

export function loadWorkingCalendar(db: Queryable): Promise<WorkingCalendar> {
  return calendar.get(db);
}

/** Makes the next loadWorkingCalendar() re-read the overrides (called after an edit). */
export function forgetWorkingCalendar(): void {
  calendar.forget();
}
