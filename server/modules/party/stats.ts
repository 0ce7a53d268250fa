import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';

/** Average points earned per active member of a branch over [from, to): the star rating's member indicator. */
export async function memberPoints(
  db: Queryable,
  filter: { partyOrgId: number; from: Date; to: Date },
): Promise<number> {
  const result = await db.execute<{ avg: number | null }>(sql`
    select (select coalesce(sum(points), 0) from party_points
             where branch_org_id = ${filter.partyOrgId} and occurred_at >= ${filter.from.toISOString()}::timestamptz and occurred_at < ${filter.to.toISOString()}::timestamptz)::float8
         / nullif((select count(*) from party_members where branch_org_id = ${filter.partyOrgId} and left_on is null), 0) as avg`);
  return Number(result.rows[0]?.avg ?? 0);
}
