import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { LIVE_CHANNEL } from '../../../platform/live/events.ts';
import { liveEvents } from '../../../platform/jobs/schema.ts';
import { stageRows } from '../../people/commands/staging.ts';
import { caseEvents, cases, type CaseSource } from '../schema.ts';

/** One validated, located case with its deadline, ready to be written (state `reported`). */
export interface ReadyCase {
  title: string;
  description: string;
  categoryId: number | null;
  reporterName: string | null;
  reporterPhoneEnc: string | null;
  lng: number | null;
  lat: number | null;
  address: string | null;
  /** The originating system's ticket: the unique (source, external_ref) index makes a re-import a no-op. */
  externalRef: string;
  gridId: number | null;
  communityId: number;
  streetId: number;
  scopePath: string;
  dueAt: Date | null;
}

/**
 * Writes many reported cases in one statement, with the timeline event and the live event of
 * each one that is new: the rows are staged (COPY into a temporary table on PostgreSQL, one array
 * per column on PGlite), then ONE `INSERT … SELECT … ON CONFLICT (source, external_ref) DO NOTHING`
 * feeds the events through data-modifying CTEs from what it actually inserted. A ticket imported
 * before, or concurrently by another request, is skipped by the unique index itself, so the
 * outcome holds under concurrency. Rows are written in ticket order: two overlapping files then
 * take their index locks in the same order and cannot deadlock. Returns how many were created.
 */
export async function insertReportedCases(
  tx: Tx,
  actor: Actor,
  source: CaseSource,
  rows: ReadyCase[],
  at: Date,
): Promise<number> {
  if (!rows.length) return 0;
  const sorted = [...rows].sort((a, b) => (a.externalRef < b.externalRef ? -1 : a.externalRef > b.externalRef ? 1 : 0));
  const staged = await stageRows(tx, cases, sorted as unknown as Record<string, unknown>[]);
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(at)
    .replaceAll('-', '');
  // The case number is GS + Shanghai date + the id padded to 7 digits (never cut: lpad would).
  const result = await tx.execute<{ created: number }>(sql`
    with fresh as (
      select nextval(pg_get_serial_sequence('cases', 'id')) as id, ${staged.select} from ${staged.relation}
    ), ins as (
      insert into ${cases} (id, case_no, source, state, entered_by_user_id, step_started_at, reported_at, ${staged.names})
      select id, ${`GS${day}`} || case when id < 10000000 then lpad(id::text, 7, '0') else id::text end,
             ${source}, 'reported', ${actor.userId}::int, ${at}::timestamptz, ${at}::timestamptz, ${staged.names}
      from fresh
      on conflict (source, external_ref) do nothing
      returning id, case_no, title, scope_path
    ), timeline as (
      insert into ${caseEvents} (case_id, at, actor_user_id, actor_role, action, to_state, data)
      select id, ${at}::timestamptz, ${actor.userId}::int, ${actor.role}, 'report', 'reported', ${JSON.stringify({ source })}::jsonb from ins
    ), live as (
      insert into ${liveEvents} (topic, scope_path, payload)
      select 'case.reported', scope_path, jsonb_build_object('caseId', id, 'caseNo', case_no, 'title', title, 'state', 'reported') from ins
    )
    select count(*)::int as created from ins`);
  const created = Number(result.rows[0]?.created ?? 0);
  // One wake-up for every instance's live hub (NOTIFY is delivered at commit; PGlite hubs poll).
  if (created) await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, '') where version() not like '%PGlite%'`);
  return created;
}
