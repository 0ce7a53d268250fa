import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/tx.ts';
import { createDayKindResolver, type DayKind } from './day-kind.ts';
import { createWorkingCalendar, type WorkingCalendar } from './working-hours.ts';
import { calendarOverrides } from './schema.ts';

let cached: { fingerprint: string; calendar: WorkingCalendar } | null = null;

/**
 * The working calendar with the administrators' overrides applied. Rebuilt only when the
 * override table changes (its row count and latest edit form the fingerprint).
 */
export async function loadWorkingCalendar(db: Queryable): Promise<WorkingCalendar> {
  const [fp] = await db.select({ n: sql<number>`count(*)`, latest: sql<string>`coalesce(max(${calendarOverrides.updatedAt}), 'epoch')::text` }).from(calendarOverrides);
  const fingerprint = `${fp?.n}:${fp?.latest}`;
  if (cached?.fingerprint === fingerprint) return cached.calendar;
  const rows = await db.select({ date: calendarOverrides.date, kind: calendarOverrides.kind }).from(calendarOverrides);
  const overrides = new Map<string, DayKind>(rows.map((r) => [r.date, r.kind]));
  cached = { fingerprint, calendar: createWorkingCalendar(createDayKindResolver(overrides)) };
  return cached.calendar;
}
