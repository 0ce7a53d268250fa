import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { LIVE_CHANNEL } from '../../../platform/live/events.ts';
import { liveEvents } from '../../../platform/jobs/schema.ts';
import { canCopy, copyRows, stageRows } from '../../people/commands/staging.ts';
import { listenedPlaces } from '../../notify/index.ts';
import { notifyArea } from '../notify.ts';
import { caseNo, caseNoPrefix } from '../case-no.ts';
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
 * Writes many reported cases with the timeline event of each one that is new, and ONE live event
 * per place (grid or community) saying how many arrived there — an open inbox reloads once per
 * import, not once per row. A ticket imported before, or concurrently by another request, is
 * skipped. Rows are written in ticket order. Returns how many were created.
 *
 * On PostgreSQL (copyReportedCases) bulk writers of one source queue on a transaction-level
 * advisory lock, so the tickets already present can be read once under it and the new rows go
 * straight into `cases` and `case_events` by COPY — the cost of writing the rows at all, plus
 * their indexes. On PGlite, which cannot COPY over its socket, the rows are staged as arrays and
 * ONE `INSERT … SELECT … ON CONFLICT (source, external_ref) DO NOTHING` feeds the timeline.
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
  const created = (await canCopy(tx))
    ? await copyReportedCases(tx, actor, source, sorted, at)
    : await insertSelectReportedCases(tx, actor, source, sorted, at);
  await publishArrivals(tx, created);
  await notifyAreaOfMany(tx, actor, created);
  return created.length;
}

async function copyReportedCases(
  tx: Tx,
  actor: Actor,
  source: CaseSource,
  sorted: ReadyCase[],
  at: Date,
): Promise<{ id: number; scopePath: string }[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cases.bulk:${source}`}))`);
  const present = new Set(
    (
      await tx
        .select({ ref: cases.externalRef })
        .from(cases)
        .where(
          and(
            eq(cases.source, source),
            sql`${cases.externalRef} = any(${sql.param(sorted.map((r) => r.externalRef))}::text[])`,
          ),
        )
    ).map((r) => r.ref),
  );
  const fresh = sorted.filter((r) => !present.has(r.externalRef));
  if (!fresh.length) return [];
  const { rows } = await tx.execute<{ ids: number[] }>(
    sql`select array_agg(nextval(pg_get_serial_sequence('cases', 'id'))::int8) as ids from generate_series(1, ${fresh.length})`,
  );
  const ids = rows[0]!.ids.map(Number).sort((a, b) => a - b);
  await copyRows(
    tx,
    cases,
    fresh.map((r, i) => ({
      id: ids[i],
      caseNo: caseNo(ids[i]!, at),
      source,
      state: 'reported',
      enteredByUserId: actor.userId,
      stepStartedAt: at,
      reportedAt: at,
      ...r,
    })),
  );
  await copyRows(
    tx,
    caseEvents,
    ids.map((caseId) => ({
      caseId,
      at,
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'report',
      toState: 'reported',
      data: { source },
    })),
  );
  return fresh.map((r, i) => ({ id: ids[i]!, scopePath: r.scopePath }));
}

async function insertSelectReportedCases(
  tx: Tx,
  actor: Actor,
  source: CaseSource,
  sorted: ReadyCase[],
  at: Date,
): Promise<{ id: number; scopePath: string }[]> {
  const staged = await stageRows(tx, cases, sorted as unknown as Record<string, unknown>[]);
  const result = await tx.execute<{ id: number; scope_path: string }>(sql`
    with fresh as (
      select nextval(pg_get_serial_sequence('cases', 'id')) as id, ${staged.select} from ${staged.relation}
    ), ins as (
      insert into ${cases} (id, case_no, source, state, entered_by_user_id, step_started_at, reported_at, ${staged.names})
      select id, ${caseNoPrefix(at)} || case when id < 10000000 then lpad(id::text, 7, '0') else id::text end,
             ${source}, 'reported', ${actor.userId}::int, ${at}::timestamptz, ${at}::timestamptz, ${staged.names}
      from fresh
      on conflict (source, external_ref) do nothing
      returning id, scope_path
    ), timeline as (
      insert into ${caseEvents} (case_id, at, actor_user_id, actor_role, action, to_state, data)
      select id, ${at}::timestamptz, ${actor.userId}::int, ${actor.role}, 'report', 'reported', ${JSON.stringify({ source })}::jsonb from ins
    )
    select id, scope_path from ins`);
  return result.rows.map((r) => ({ id: Number(r.id), scopePath: r.scope_path }));
}

/** One live event per place with the number of cases that arrived there, and one wake-up for every instance's hub. */
async function publishArrivals(tx: Tx, created: { scopePath: string }[]): Promise<void> {
  if (!created.length) return;
  const perPlace = new Map<string, number>();
  for (const c of created) perPlace.set(c.scopePath, (perPlace.get(c.scopePath) ?? 0) + 1);
  await tx.execute(sql`
    with published as (
      insert into ${liveEvents} (topic, scope_path, payload)
      select 'case.reported', p.path, jsonb_build_object('imported', p.n, 'state', 'reported')
      from unnest(${sql.param([...perPlace.keys()])}::text[], ${sql.param([...perPlace.values()])}::int[]) as p(path, n)
      returning 1)
    select pg_notify(${LIVE_CHANNEL}, '') from (select 1 from published limit 1) p where version() not like '%PGlite%'`);
}

/**
 * Area alerts for bulk-filed cases (hotline files, device alarms): one read finds the places whose
 * grid or community has subscribers or webhooks listening; only their cases are read back and
 * announced (notifyArea), in the same transaction. A file nobody listens to costs one statement.
 */
async function notifyAreaOfMany(tx: Tx, actor: Actor, created: { id: number; scopePath: string }[]): Promise<void> {
  if (!created.length) return;
  const places = [...new Set(created.map((c) => c.scopePath))].map((scopePath) => {
    const ids = scopePath.split('/').filter(Boolean).map(Number);
    return { scopePath, communityId: ids[2]!, gridId: ids[3] ?? null };
  });
  const listened = await listenedPlaces(tx, places, 'new');
  const ids = created.filter((c) => listened.has(c.scopePath)).map((c) => c.id);
  if (!ids.length) return;
  for (const row of await tx.select().from(cases).where(inArray(cases.id, ids)).orderBy(cases.id))
    await notifyArea(tx, actor, row, 'new');
}
