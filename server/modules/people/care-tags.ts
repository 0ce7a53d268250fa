import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { careTags } from './schema.ts';

/** The tags every district starts with; administrators deactivate or add tags in the table. */
export const DEFAULT_CARE_TAGS = [
  '独居老人',
  '高龄',
  '留守儿童',
  '残疾人',
  '低保',
  '退役军人',
  '重点人群',
  '孕产妇',
  '失业人员',
];

/**
 * The active care tags. The defaults are inserted on first use (not by a migration) so that a
 * database reset by tests or a fresh install has them too; a deactivated tag stays deactivated.
 */
export async function activeCareTags(q: Queryable): Promise<Set<string>> {
  await q
    .insert(careTags)
    .values(DEFAULT_CARE_TAGS.map((name) => ({ name })))
    .onConflictDoNothing();
  const rows = await q.select({ name: careTags.name }).from(careTags).where(eq(careTags.active, 1));
  return new Set(rows.map((r) => r.name));
}
