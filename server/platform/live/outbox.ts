import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/tx.ts';
import { liveEvents } from '../jobs/schema.ts';
import type { Cursor } from './cursor.ts';

export type LiveRow = typeof liveEvents.$inferSelect;

/**
 * Why reading `id > lastId` skipped events, and what we read instead.
 *
 * An id is taken when a transaction inserts its row, but the row appears when that transaction
 * commits: a transaction holding id 10 may commit after id 11 has been read, and a reader past 11
 * never looks back. So every row records its transaction (`xid`, pg_current_xact_id()), and a
 * reader only takes rows whose transaction is older than every transaction still running — the
 * "horizon": the snapshot's xmax, lowered to the oldest in-progress xid of this database (the
 * snapshot's xip list). Below the horizon every transaction has finished: its rows are visible in
 * this very statement's snapshot, or it aborted and has none. No row can appear there later, so a
 * reader walking (xid, id) upward, never beyond the horizon, sees every row exactly once, and
 * every reader (every instance, a resuming browser) walks the same order.
 *
 * That order is xid order, not strictly commit order: two concurrent transactions are delivered
 * oldest-xid first. Anything causally later — a transaction that began writing after another
 * committed — has a larger xid, so "B saw A" always means A's events come first. The cost: while a
 * writing transaction stays open in this database, newer events wait behind it (a long import
 * batch delays live events by its duration). In-progress xids of OTHER databases of the cluster
 * are left out when pg_stat_activity shows them there; an xid it does not show (committed in the
 * meantime, prepared, another role's) holds back conservatively. On PGlite, one session runs one
 * transaction at a time and the horizon is simply xmax.
 */
const horizon: SQL = sql`(select least(pg_snapshot_xmax(s.snap)::text::bigint, (
    select min(x::text::bigint) from pg_snapshot_xip(s.snap) x
    where not exists (
      select 1 from pg_stat_activity a
      where a.backend_xid::text = (x::text::bigint % 4294967296)::text and a.datid is distinct from (select oid from pg_database where datname = current_database()))))
  from (select pg_current_snapshot() as snap) s)`;

export interface ReleasedRead {
  rows: LiveRow[];
  /** Rows exist after the cursor that a still-running transaction holds back: read again soon. */
  heldBack: boolean;
  /** More released rows than `limit`: read again at once. */
  more: boolean;
}

/** The released rows after `after`, in (xid, id) order. */
export async function readReleased(db: Queryable, after: Cursor, limit: number, until?: Cursor): Promise<ReleasedRead> {
  const result = await db.execute<LiveRow & { released: boolean }>(sql`
    select e.id, e.xid, e.at, e.topic, e.scope_path as "scopePath", e.department_id as "departmentId",
      e.user_id as "userId", e.payload, e.xid < h.horizon as released
    from ${liveEvents} e, (select ${horizon} as horizon) h
    where (e.xid, e.id) > (${after.xid}, ${after.id})
      ${until ? sql`and (e.xid, e.id) <= (${until.xid}, ${until.id})` : sql``}
    order by e.xid, e.id
    limit ${limit + 1}`);
  const all = result.rows.map((r) => ({ ...r, id: Number(r.id), xid: Number(r.xid), at: new Date(r.at) }));
  const released = all.filter((r) => r.released);
  const heldBack = released.length < all.length;
  const rows = released.slice(0, limit).map(({ released: _, ...row }) => row as LiveRow);
  return { rows, heldBack, more: released.length > limit };
}

/** The cursor of the newest released row: where a reader starting now begins. */
export async function latestReleased(db: Queryable): Promise<Cursor> {
  const result = await db.execute<{ xid: number; id: number }>(sql`
    select e.xid, e.id from ${liveEvents} e
    where e.xid < ${horizon}
    order by e.xid desc, e.id desc limit 1`);
  const row = result.rows[0];
  return row ? { xid: Number(row.xid), id: Number(row.id) } : { xid: 0, id: 0 };
}

/** When the row at a cursor was written, or null when no such row exists (pruned, or foreign). */
export async function cursorRowAt(db: Queryable, cursor: Cursor): Promise<Date | null> {
  const result = await db.execute<{ at: Date }>(
    sql`select at from ${liveEvents} where xid = ${cursor.xid} and id = ${cursor.id}`,
  );
  const at = result.rows[0]?.at;
  return at ? new Date(at) : null;
}
