import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';

export type IndicatorGroup = 'grid' | 'community' | 'street' | 'department' | 'category';

/**
 * The counts every case rate is formed from (numerator and denominator). Indicators, the monthly
 * rollups (stats.ts) and the ratings (caseFigures) all count with these, so a rate formed from a
 * rollup equals the indicator's. They read a relation aliased `c` with the cases' columns.
 */
export const CASE_COUNTS = {
  reported: sql`count(*)`,
  closed: sql`count(c.closed_at)`,
  closedOnTime: sql`count(*) filter (where c.closed_on_time and c.closed_at is not null)`,
  handled: sql`count(c.handled_on_time)`,
  handledOnTime: sql`count(*) filter (where c.handled_on_time)`,
  rated: sql`count(c.score)`,
  satisfied: sql`count(*) filter (where c.score >= 4)`,
};
const rate = (numerator: SQL, denominator: SQL) =>
  sql`round(100.0 * ${numerator} / nullif(${denominator}, 0), 1)::float8`;

/**
 * The standard indicators over the cohort of cases reported in [from, to) (Asia/Shanghai dates):
 * every rate divides the cases whose step has an outcome by those where it counts, so a case
 * still in progress neither helps nor hurts a rate it has not reached yet.
 */
const FIGURES = sql`
  ${CASE_COUNTS.reported}::int as reported,
  count(c.accepted_at)::int as accepted,
  ${CASE_COUNTS.closed}::int as closed,
  ${rate(sql`count(*) filter (where c.accepted_on_time)`, sql`count(c.accepted_on_time)`)} as "onTimeAcceptRate",
  ${rate(CASE_COUNTS.handledOnTime, CASE_COUNTS.handled)} as "onTimeHandleRate",
  ${rate(CASE_COUNTS.closedOnTime, CASE_COUNTS.closed)} as "onTimeCloseRate",
  ${rate(sql`count(*) filter (where c.rework_count > 0)`, sql`count(*) filter (where c.handled_at is not null or c.rework_count > 0)`)} as "reworkRate",
  ${rate(sql`count(*) filter (where c.return_count > 0)`, sql`count(*) filter (where c.dispatched_at is not null or c.return_count > 0)`)} as "returnRate",
  ${rate(sql`count(*) filter (where c.verify_passed)`, sql`count(c.verify_passed)`)} as "verifyPassRate",
  ${rate(CASE_COUNTS.satisfied, CASE_COUNTS.rated)} as "satisfactionRate",
  round((avg(extract(epoch from c.handled_at - c.dispatched_at)) / 3600)::numeric, 1)::float8 as "avgHandleHours"`;

const GROUPS: Record<IndicatorGroup, { key: SQL; name: SQL; join: SQL }> = {
  grid: {
    key: sql`c.grid_id`,
    name: sql`coalesce(n.name, '未定网格')`,
    join: sql`left join org_nodes n on n.id = c.grid_id`,
  },
  community: { key: sql`c.community_id`, name: sql`n.name`, join: sql`left join org_nodes n on n.id = c.community_id` },
  street: { key: sql`c.street_id`, name: sql`n.name`, join: sql`left join org_nodes n on n.id = c.street_id` },
  department: {
    key: sql`c.department_id`,
    name: sql`coalesce(n.name, '社区/网格自办')`,
    join: sql`left join departments n on n.id = c.department_id`,
  },
  category: {
    key: sql`coalesce(p.id, n.id)`,
    name: sql`coalesce(p.name, n.name, '未分类')`,
    join: sql`left join case_categories n on n.id = c.category_id left join case_categories p on p.id = n.parent_id`,
  },
};

export interface IndicatorFilter {
  scopePath: string | null;
  departmentId?: number | null;
  from: string;
  to: string;
}

function filterSql(f: IndicatorFilter): SQL {
  const parts = [
    sql`c.reported_at >= (${f.from}::date)::timestamp at time zone 'Asia/Shanghai'`,
    sql`c.reported_at < ((${f.to}::date + 1))::timestamp at time zone 'Asia/Shanghai'`,
  ];
  if (f.scopePath) parts.push(underPath(sql`c.scope_path`, f.scopePath));
  if (f.departmentId) parts.push(sql`c.department_id = ${f.departmentId}`);
  return sql.join(parts, sql` and `);
}

export async function caseIndicators(db: Db, filter: IndicatorFilter, groupBy: IndicatorGroup) {
  const g = GROUPS[groupBy];
  const where = filterSql(filter);
  const [rows, totals] = await Promise.all([
    db.execute(
      sql`select ${g.key} as key, ${g.name} as name, ${FIGURES} from cases c ${g.join} where ${where} group by 1, 2 order by reported desc`,
    ),
    db.execute(sql`select ${FIGURES} from cases c where ${where}`),
  ]);
  return { rows: rows.rows, totals: totals.rows[0] ?? {} };
}

/** Figures other modules rate with (property companies, departments): counts, so callers form their own ratios. */
export async function caseFigures(
  db: Queryable,
  filter: { scopePath?: string; departmentId?: number; estateNodeIds?: number[]; from: Date; to: Date },
) {
  const parts = [
    sql`c.reported_at >= ${filter.from.toISOString()}::timestamptz`,
    sql`c.reported_at < ${filter.to.toISOString()}::timestamptz`,
  ];
  if (filter.scopePath) parts.push(underPath(sql`c.scope_path`, filter.scopePath));
  if (filter.departmentId) parts.push(sql`c.department_id = ${filter.departmentId}`);
  if (filter.estateNodeIds) {
    // Cases carry their grid, not their estate: property cases of an estate are the 物业服务 (12xx)
    // cases in the grids holding its estates.
    const ids = filter.estateNodeIds.length
      ? sql.join(
          filter.estateNodeIds.map((id) => sql`${id}`),
          sql`, `,
        )
      : sql`null`;
    parts.push(sql`c.grid_id in (select e.parent_id from org_nodes e where e.id in (${ids}))`);
    parts.push(
      sql`c.category_id in (select k.id from case_categories k left join case_categories p on p.id = k.parent_id where k.code like '12%' or p.code = '12')`,
    );
  }
  const [row] = (
    await db.execute<
      Record<string, number>
    >(sql`select ${CASE_COUNTS.reported}::int as reported, ${CASE_COUNTS.closed}::int as closed,
      ${CASE_COUNTS.handledOnTime}::int as "onTimeHandled", ${CASE_COUNTS.handled}::int as handled,
      ${CASE_COUNTS.satisfied}::int as satisfied, ${CASE_COUNTS.rated}::int as rated,
      coalesce(round((avg(extract(epoch from c.accepted_at - c.reported_at)) / 60)::numeric, 1), 0)::float8 as "avgResponseMinutes"
    from cases c where ${sql.join(parts, sql` and `)}`)
  ).rows;
  return row as {
    reported: number;
    closed: number;
    onTimeHandled: number;
    handled: number;
    satisfied: number;
    rated: number;
    avgResponseMinutes: number;
  };
}
