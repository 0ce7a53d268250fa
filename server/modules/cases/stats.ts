import { sql } from 'drizzle-orm';
import { STATE_LABELS_ZH } from '../../../contracts/case-labels.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { CASE_COUNTS } from './indicators.ts';
import type { CohortFact, Slice, StatProvider, StatQuery } from '../analytics/stat-provider.ts';

const FINAL = sql`('closed', 'rated', 'rejected', 'merged')`;
const iso = (d: Date) => d.toISOString();

/**
 * Cases of [from, to) under a path, reached grid by grid: one (scope_path, reported_at) index
 * seek per governance node instead of walking every index entry of the street.
 */
function periodUnder(q: StatQuery) {
  return sql`org_nodes n join cases c on c.scope_path = n.path
    and c.reported_at >= ${iso(q.from)}::timestamptz and c.reported_at < ${iso(q.to)}::timestamptz
    where ${underPath(sql`n.path`, q.scopePath)} and n.level in ('street', 'community', 'grid')`;
}

async function byState(db: Queryable, q: StatQuery): Promise<Slice[]> {
  const { rows } = await db.execute<{ key: string; value: number }>(
    sql`select c.state as key, count(*)::int as value from ${periodUnder(q)} group by 1 order by 2 desc`,
  );
  return rows.map((r) => ({
    key: r.key,
    name: STATE_LABELS_ZH[r.key as keyof typeof STATE_LABELS_ZH] ?? r.key,
    value: Number(r.value),
  }));
}

/**
 * The ten most overdue open cases: their ids come from the open-cases index alone (scope, due_at,
 * id), and only those ten rows are read from the table.
 */
async function overdue(db: Queryable, q: StatQuery) {
  const { rows } = await db.execute(sql`with o as (
      select c.id, c.due_at from cases c
      where c.state not in ${FINAL} and ${underPath(sql`c.scope_path`, q.scopePath)} and c.due_at < ${iso(q.now)}::timestamptz
      order by c.due_at limit 10)
    select c.id, c.case_no as "caseNo", c.title, c.state, c.due_at as "dueAt", coalesce(g.name, m.name) as place
    from o join cases c on c.id = o.id left join org_nodes g on g.id = c.grid_id left join org_nodes m on m.id = c.community_id
    order by o.due_at, o.id`);
  return rows;
}

/** Open and overdue cases per leaf path: the map's grid badges and the grid card. */
async function openByPath(db: Queryable, q: StatQuery) {
  const { rows } = await db.execute(sql`select c.scope_path as path, count(*)::int as open,
      count(*) filter (where c.due_at < ${iso(q.now)}::timestamptz)::int as overdue
    from cases c where c.state not in ${FINAL} and ${underPath(sql`c.scope_path`, q.scopePath)} group by 1`);
  return rows;
}

/**
 * Points for the map: open cases and those reported in the period, newest first, at most 10,000.
 * The two sets are read each from its own index (open cases; the period grid by grid) with the
 * columns the map needs, and united: an OR across them would scan every case under the scope, and
 * collecting ids first cost one more lookup per point (bench/dashboard at 5 M cases).
 */
async function points(db: Queryable, q: StatQuery) {
  const cols = sql`c.id, c.lng, c.lat, c.state, c.due_at, c.reported_at`;
  const { rows } = await db.execute(sql`select p.id, p.lng, p.lat, p.state,
      (p.state not in ${FINAL} and p.due_at < ${iso(q.now)}::timestamptz) as overdue
    from (select ${cols} from cases c where c.state not in ${FINAL} and ${underPath(sql`c.scope_path`, q.scopePath)} and c.lng is not null
          union
          select ${cols} from ${periodUnder(q)} and c.lng is not null) p
    order by p.reported_at desc limit 10000`);
  return rows;
}

/** Months (YYYY-MM, Asia/Shanghai) holding a case changed since `since`; all months when null. */
async function changedMonths(db: Queryable, since: Date | null): Promise<string[]> {
  const where = since ? sql`where updated_at >= ${iso(since)}::timestamptz` : sql``;
  const { rows } = await db.execute<{ m: string }>(
    sql`select distinct to_char(reported_at at time zone 'Asia/Shanghai', 'YYYY-MM') as m from cases ${where} order by 1`,
  );
  return rows.map((r) => r.m);
}

/**
 * (month, leaf path) pairs holding a case changed since `since`: the incremental refresh recounts
 * just those leaves. Read through cases_updated_idx; a transition touches one pair.
 */
async function changedLeaves(db: Queryable, since: Date): Promise<{ month: string; scopePath: string }[]> {
  const { rows } = await db.execute<{
    m: string;
    p: string;
  }>(sql`select distinct to_char(reported_at at time zone 'Asia/Shanghai', 'YYYY-MM') as m, scope_path as p
    from cases where updated_at >= ${iso(since)}::timestamptz order by 1, 2`);
  return rows.map((r) => ({ month: r.m, scopePath: r.p }));
}

/**
 * One month's cohort per leaf path, by state, top-level category and department, counted with
 * indicators.ts's CASE_COUNTS, so rates formed from them equal caseIndicators'. With `leafPaths`,
 * only those leaves (each one (scope_path, reported_at) index range).
 */
async function facts(db: Queryable, month: string, leafPaths?: string[]): Promise<CohortFact[]> {
  const start = `${month}-01`;
  const leaves = leafPaths ? sql`and c.scope_path = any(${sql.param(leafPaths)}::text[])` : sql``;
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    with c as (
      select c.scope_path, c.state, c.closed_at, c.closed_on_time, c.score,
        coalesce(coalesce(p.id, k.id)::text, 'none') as cat_key, coalesce(p.name, k.name, '未分类') as cat_name,
        coalesce(c.department_id::text, 'none') as dept_key, coalesce(d.name, '社区/网格自办') as dept_name
      from cases c left join case_categories k on k.id = c.category_id left join case_categories p on p.id = k.parent_id
        left join departments d on d.id = c.department_id
      where c.reported_at >= (${start}::date)::timestamp at time zone 'Asia/Shanghai'
        and c.reported_at < ((${start}::date + interval '1 month'))::timestamp at time zone 'Asia/Shanghai' ${leaves})
    select scope_path as "scopePath",
      case when grouping(state) = 0 then 'state' when grouping(cat_key) = 0 then 'category' when grouping(dept_key) = 0 then 'department' else 'all' end as dim,
      coalesce(state, cat_key, dept_key, 'all') as key, coalesce(state, cat_name, dept_name, '合计') as name,
      ${CASE_COUNTS.reported}::int as reported, ${CASE_COUNTS.closed}::int as closed,
      ${CASE_COUNTS.closedOnTime}::int as "closedOnTime",
      ${CASE_COUNTS.rated}::int as rated, ${CASE_COUNTS.satisfied}::int as satisfied
    from c group by grouping sets ((scope_path, state), (scope_path, cat_key, cat_name), (scope_path, dept_key, dept_name), (scope_path))`);
  return rows.map((r) => ({
    scopePath: String(r.scopePath),
    dim: String(r.dim),
    key: String(r.key),
    name:
      r.dim === 'state' ? (STATE_LABELS_ZH[r.key as keyof typeof STATE_LABELS_ZH] ?? String(r.key)) : String(r.name),
    reported: Number(r.reported),
    closed: Number(r.closed),
    closedOnTime: Number(r.closedOnTime),
    rated: Number(r.rated),
    satisfied: Number(r.satisfied),
  }));
}

export const casesStats: StatProvider[] = [
  { name: 'cases.byState', label: '案件（按状态）', kind: 'breakdown', compute: byState },
  { name: 'cases.overdue', label: '超期案件', kind: 'list', compute: overdue },
  { name: 'cases.openByPath', label: '在办与超期（按网格）', kind: 'list', compute: openByPath },
  { name: 'cases.points', label: '案件点位', kind: 'list', compute: points },
  { name: 'cases.cohort', label: '案件月度汇总', kind: 'cohort', changedMonths, changedLeaves, facts },
];
