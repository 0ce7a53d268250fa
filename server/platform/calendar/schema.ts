import { pgTable, text, timestamp, integer } from 'drizzle-orm/pg-core';

/**
 * Administrator-maintained corrections to the official calendar: the State Council publishes
 * each year's holidays and make-up workdays (调休) in November/December, before any package
 * release carries them, so a new year is entered here without a new version of GridHive.
 */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: text('date').primaryKey(),
  kind: text('kind').$type<'workday' | 'holiday'>().notNull(),
  note: text('note'),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
