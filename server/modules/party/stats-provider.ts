import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import type { Slice, StatProvider, StatQuery } from '../analytics/stat-provider.ts';

async function members(db: Queryable, q: StatQuery): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from party_members where left_on is null and ${underPath(sql`branch_path`, q.scopePath)}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Party-member households (党员户) per grid: distinct homes of current members. */
async function householdsByGrid(db: Queryable, q: StatQuery): Promise<Slice[]> {
  const { rows } = await db.execute<{
    key: string;
    value: number;
  }>(sql`select substring(home_path from '^/[0-9]+/[0-9]+/[0-9]+/[0-9]+/') as key, count(distinct home_node_id)::int as value
    from party_members where left_on is null and home_path is not null and ${underPath(sql`home_path`, q.scopePath)} group by 1`);
  return rows.filter((r) => r.key).map((r) => ({ key: r.key, name: r.key, value: Number(r.value) }));
}

/** Members leading on points in the period (the red list's ranking before the month is published). */
async function redList(db: Queryable, q: StatQuery) {
  const { rows } =
    await db.execute(sql`select m.id, m.name, sum(p.points)::int as points from party_points p join party_members m on m.id = p.member_id
    where p.occurred_at >= ${q.from.toISOString()}::timestamptz and p.occurred_at < ${q.to.toISOString()}::timestamptz and ${underPath(sql`m.branch_path`, q.scopePath)}
    group by m.id, m.name having sum(p.points) > 0 order by 3 desc, 1 limit 10`);
  return rows;
}

export const partyStats: StatProvider[] = [
  { name: 'party.members', label: '党员', kind: 'figure', compute: members },
  { name: 'party.householdsByGrid', label: '党员户（按网格）', kind: 'breakdown', compute: householdsByGrid },
  { name: 'party.redList', label: '党员红榜', kind: 'list', compute: redList },
];
