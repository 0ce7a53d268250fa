// The statements of one case report, folded so that a report costs few round trips: the case id,
// its category's state, limits and questions, and whether anyone listens for new cases there come
// back from ONE read, and the timeline event, the live event and the audit row are written by ONE
// statement; both are built once and prepared per connection (preparedStatement). A report on a
// 2-core PostgreSQL is bounded by round trips and planning, not by work (bench/case-import.ts
// counts the statements).
import { getTableColumns, sql } from 'drizzle-orm';
import { caseNo } from '../case-no.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { preparedStatement } from '../../../platform/db/prepared-statement.ts';
import type { Queryable, Tx } from '../../../platform/db/tx.ts';
import { LIVE_CHANNEL } from '../../../platform/live/events.ts';
import { liveEvents } from '../../../platform/jobs/schema.ts';
import { auditLog } from '../../accounts/schema.ts';
import { cascadeLimits, type LimitLayer } from '../limits.ts';
import { listenedCondition } from '../notify.ts';
import type { Question } from '../questions.ts';
import type { StepLimits } from '../deadline-steps.ts';
import type { CaseRow } from '../load-case.ts';
import { caseCategories, caseEvents, cases, categoryQuestions, slaOverrides, type CaseSource } from '../schema.ts';

const minutes = (t: string) =>
  sql.raw(
    `json_build_object('acceptMinutes', ${t}.accept_minutes, 'signMinutes', ${t}.sign_minutes, 'handleMinutes', ${t}.handle_minutes, 'verifyMinutes', ${t}.verify_minutes)`,
  );

export interface ReportFacts {
  id: number;
  caseNo: string;
  /** Null without a category, or when it does not exist or is retired. */
  category: { limits: StepLimits; questions: Question[] } | null;
  limits: StepLimits;
  /** Someone listens for new cases here: the report must run in a transaction (notifyArea). */
  listened: boolean;
}

/**
 * The next case id (from the sequence, so numbers stay unique under concurrent reports) and, for a
 * category, whether it is active, its step limits after the community → street → category →
 * parent cascade, and its questions in the order they are asked; and whether anyone listens for
 * new cases at the place (area alerts, webhooks), which decides how the case is written.
 */
const reserveStatement = preparedStatement<
  { categoryId: number | null; communityId: number; streetId: number; gridId: number | null; scopePath: string },
  { id: number; layers: LimitLayer[] | null; questions: Question[] | null; listened: boolean }
>('cases_reserve', () => {
  const listened = listenedCondition(
    {
      gridId: sql`${sql.placeholder('gridId')}::int`,
      communityId: sql`${sql.placeholder('communityId')}::int`,
      path: sql`${sql.placeholder('scopePath')}::text`,
    },
    'new',
  );
  return sql`
    select nextval(pg_get_serial_sequence('cases', 'id'))::int8 as id, f.layers, f.questions, ${listened} as listened
    from (select 1) one left join lateral (
      select json_build_array(
               (select ${minutes('o')} from ${slaOverrides} o where o.category_id = c.id and o.node_id = ${sql.placeholder('communityId')}::int),
               (select ${minutes('o')} from ${slaOverrides} o where o.category_id = c.id and o.node_id = ${sql.placeholder('streetId')}::int),
               ${minutes('c')}, ${minutes('p')}) as layers,
             (select coalesce(json_agg(json_build_object('code', q.code, 'datatype', q.datatype, 'required', q.required, 'order', q."order",
                 'description', q.description, 'datatypeDescription', q.datatype_description, 'values', q.values) order by q."order", q.code), '[]')
              from ${categoryQuestions} q where q.category_id = c.id) as questions
      from ${caseCategories} c left join ${caseCategories} p on p.id = c.parent_id
      where c.id = ${sql.placeholder('categoryId')}::int and c.active) f on true`;
});

export async function reserveCase(
  q: Queryable,
  at: Date,
  categoryId: number | null,
  place: { gridId: number | null; communityId: number; streetId: number; scopePath: string },
): Promise<ReportFacts> {
  const { communityId, streetId, gridId, scopePath } = place;
  const { rows } = await reserveStatement(q, { categoryId, communityId, streetId, gridId, scopePath });
  const row = rows[0]!;
  const id = Number(row.id);
  const limits = cascadeLimits((row.layers ?? []).filter((l): l is LimitLayer => l !== null));
  return {
    id,
    caseNo: caseNo(id, at),
    limits,
    category: row.layers ? { limits, questions: row.questions ?? [] } : null,
    listened: row.listened,
  };
}

/** The timeline event, the live event (with one NOTIFY on PostgreSQL) and the audit row of a new case, in one statement. */
export async function recordReport(
  tx: Tx,
  actor: Actor,
  report: {
    id: number;
    caseNo: string;
    title: string;
    source: CaseSource;
    scopePath: string;
    photoIds: number[];
    at: Date;
  },
) {
  await tx.execute(sql`
    with timeline as (
      insert into ${caseEvents} (case_id, at, actor_user_id, actor_role, action, to_state, photo_ids, data)
      values (${report.id}, ${report.at}::timestamptz, ${actor.userId}::int, ${actor.role}, 'report', 'reported', ${JSON.stringify(report.photoIds)}::jsonb, ${JSON.stringify({ source: report.source })}::jsonb)
    ), audit as (
      insert into ${auditLog} (actor_user_id, actor_role, action, target_type, target_id, scope_path, summary)
      values (${actor.userId}::int, ${actor.role}, 'cases.report', 'case', ${String(report.id)}, ${report.scopePath}, ${JSON.stringify({ caseNo: report.caseNo, source: report.source })}::jsonb)
    ), live as (
      insert into ${liveEvents} (topic, scope_path, payload)
      values ('case.reported', ${report.scopePath}, ${JSON.stringify({ caseId: report.id, caseNo: report.caseNo, title: report.title, state: 'reported' })}::jsonb)
      returning 1
    )
    select pg_notify(${LIVE_CHANNEL}, '') from live where version() not like '%PGlite%'`);
}

/** A row of `cases` as the driver returns it (column names) → the drizzle row (keys, mapped values). */
const CASE_COLUMNS = Object.entries(getTableColumns(cases));
function caseRowOf(raw: Record<string, unknown>): CaseRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of CASE_COLUMNS) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as CaseRow;
}

/**
 * A report without photos in ONE statement: the case, its timeline event, its audit row and its
 * live event (+ NOTIFY) through data-modifying CTEs. A single statement is its own transaction, so
 * all four commit together or not at all, without BEGIN and COMMIT round trips.
 */
export async function insertReportStatement(
  q: Queryable,
  actor: Actor,
  values: typeof cases.$inferInsert,
  report: { id: number; caseNo: string; title: string; source: CaseSource; scopePath: string; at: Date },
): Promise<CaseRow> {
  const keys = Object.keys(values) as (keyof typeof values)[];
  const signature = keys.join(',');
  let statement = reportStatements.get(signature);
  if (!statement) reportStatements.set(signature, (statement = reportStatementFor(keys)));
  const filled: Record<string, unknown> = {
    _at: report.at,
    _userId: actor.userId,
    _role: actor.role,
    _scopePath: report.scopePath,
    _event: JSON.stringify({ source: report.source }),
    _summary: JSON.stringify({ caseNo: report.caseNo, source: report.source }),
    _payload: JSON.stringify({ caseId: report.id, caseNo: report.caseNo, title: report.title, state: 'reported' }),
  };
  for (const key of keys) filled[`v_${key}`] = values[key];
  const { rows } = await statement(q, filled);
  return caseRowOf(rows[0]!);
}

/** One prepared report statement per set of case columns given (reportCase always gives the same set). */
const reportStatements = new Map<string, ReturnType<typeof reportStatementFor>>();

function reportStatementFor(keys: (keyof typeof cases.$inferInsert)[]) {
  return preparedStatement<Record<string, unknown>, Record<string, unknown>>(`cases_report_${keys.length}`, (q) => {
    const placeholders = Object.fromEntries(keys.map((key) => [key, sql.placeholder(`v_${key}`)]));
    const insert = q
      .insert(cases)
      .values(placeholders as unknown as typeof cases.$inferInsert)
      .returning();
    return sql`
    with ins as (${insert.getSQL()}), timeline as (
      insert into ${caseEvents} (case_id, at, actor_user_id, actor_role, action, to_state, photo_ids, data)
      select id, ${sql.placeholder('_at')}::timestamptz, ${sql.placeholder('_userId')}::int, ${sql.placeholder('_role')}::text, 'report', 'reported', '[]'::jsonb, ${sql.placeholder('_event')}::jsonb from ins
    ), audit as (
      insert into ${auditLog} (actor_user_id, actor_role, action, target_type, target_id, scope_path, summary)
      select ${sql.placeholder('_userId')}::int, ${sql.placeholder('_role')}::text, 'cases.report', 'case', id::text, ${sql.placeholder('_scopePath')}::text, ${sql.placeholder('_summary')}::jsonb from ins
    ), live as (
      insert into ${liveEvents} (topic, scope_path, payload)
      select 'case.reported', ${sql.placeholder('_scopePath')}::text, ${sql.placeholder('_payload')}::jsonb from ins
      returning 1
    )
    select ins.*, (select count(pg_notify(${LIVE_CHANNEL}, '')) from live where version() not like '%PGlite%') as woke from ins`;
  });
}
