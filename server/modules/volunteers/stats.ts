import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import type { Slice, StatProvider, StatQuery } from '../analytics/stat-provider.ts';

/** Activities belong to a community and serve all its grids: a grid's figure is its community's. */
const SERVES = (q: StatQuery) =>
  sql`(a.community_path like ${`${q.scopePath}%`} or ${q.scopePath} like a.community_path || '%')`;

async function hours(db: Queryable, q: StatQuery): Promise<number> {
  const { rows } = await db.execute<{ h: number }>(sql`select round(coalesce(sum(s.minutes), 0) / 60.0, 1)::float8 as h
    from volunteer_signups s join volunteer_activities a on a.id = s.activity_id
    where ${SERVES(q)} and a.starts_at >= ${q.from.toISOString()}::timestamptz and a.starts_at < ${q.to.toISOString()}::timestamptz`);
  return Number(rows[0]?.h ?? 0);
}

async function volunteers(db: Queryable, q: StatQuery): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`select count(distinct s.user_id)::int as n
    from volunteer_signups s join volunteer_activities a on a.id = s.activity_id where ${SERVES(q)} and s.status <> 'cancelled'`);
  return Number(rows[0]?.n ?? 0);
}

async function activitiesByCommunity(db: Queryable, q: StatQuery): Promise<Slice[]> {
  const { rows } = await db.execute<{
    key: string;
    value: number;
  }>(sql`select a.community_path as key, count(*)::int as value from volunteer_activities a
    where ${SERVES(q)} and a.state = 'open' and a.starts_at >= ${q.from.toISOString()}::timestamptz and a.starts_at < ${q.to.toISOString()}::timestamptz group by 1`);
  return rows.map((r) => ({ key: r.key, name: r.key, value: Number(r.value) }));
}

export const volunteersStats: StatProvider[] = [
  { name: 'volunteers.hours', label: '志愿服务时长（小时）', kind: 'figure', compute: hours },
  { name: 'volunteers.volunteers', label: '志愿者', kind: 'figure', compute: volunteers },
  {
    name: 'volunteers.activitiesByCommunity',
    label: '志愿活动（按社区）',
    kind: 'breakdown',
    compute: activitiesByCommunity,
  },
];
