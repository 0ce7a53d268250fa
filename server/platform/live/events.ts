import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/tx.ts';
import { liveEvents } from '../jobs/schema.ts';

export interface LiveEvent {
  topic: string;
  /** Governance path concerned: subscribers whose scope covers it receive the event. */
  scopePath?: string | null;
  departmentId?: number | null;
  userId?: number | null;
  payload?: Record<string, unknown>;
}

/** The channel every instance LISTENs on (PostgreSQL only). */
export const LIVE_CHANNEL = 'gh_live_events';

/**
 * Publishes a live event by writing it to the outbox in the caller's transaction, so that it is
 * seen exactly when the change it announces commits; the row records its transaction id, which is
 * what lets readers never skip it (outbox.ts). On PostgreSQL the same statement NOTIFYs every
 * instance, delivered at commit, so their hubs read at once; on embedded PGlite (LISTEN/NOTIFY does
 * not cross pglite-socket's multiplexer) the hubs poll. NOTIFY folds identical notifications of
 * one transaction into one, so a command publishing several events wakes each hub once.
 */
export async function publishLive(tx: Queryable, event: LiveEvent): Promise<void> {
  await tx.execute(sql`
    with published as (
      insert into ${liveEvents} (topic, scope_path, department_id, user_id, payload)
      values (${event.topic}, ${event.scopePath ?? null}, ${event.departmentId ?? null}, ${event.userId ?? null}, ${JSON.stringify(event.payload ?? {})}::jsonb)
      returning 1)
    select pg_notify(${LIVE_CHANNEL}, '') from published where version() not like '%PGlite%'`);
}

/** How long outbox rows are kept: resuming browsers need minutes, never more than a day. */
export const LIVE_RETENTION = '1 day';

/** Deletes outbox rows older than a day (run by the 'live.prune' periodic job). */
export async function pruneLiveEvents(db: Queryable): Promise<number> {
  const deleted = await db
    .delete(liveEvents)
    .where(sql`${liveEvents.at} < now() - ${LIVE_RETENTION}::interval`)
    .returning({ id: liveEvents.id });
  return deleted.length;
}
