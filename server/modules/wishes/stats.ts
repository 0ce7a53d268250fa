import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';

/**
 * Wishes confirmed as fulfilled in [from, to) around a governance path. Wishes are published
 * per community, so a grid's figure is its community's (the community's wishes serve every grid).
 */
export async function wishesFulfilled(
  db: Queryable,
  filter: { scopePath: string; from: Date; to: Date },
): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`
    select count(distinct w.id)::int as n from wish_items w join wish_events e on e.wish_id = w.id and e.to_state = 'confirmed'
    where (w.community_path like ${`${filter.scopePath}%`} or ${filter.scopePath} like w.community_path || '%')
      and e.at >= ${filter.from.toISOString()}::timestamptz and e.at < ${filter.to.toISOString()}::timestamptz`);
  return Number(result.rows[0]?.n ?? 0);
}
