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

/**
 * Publishes a live event by writing it to the outbox in the caller's transaction, so that it is
 * seen exactly when the change it announces commits. Every instance polls the outbox and fans
 * the events out to its own server-sent-event subscribers (LISTEN/NOTIFY does not pass through
 * the embedded database's socket multiplexer, and the outbox works the same on both).
 */
export async function publishLive(tx: Queryable, event: LiveEvent): Promise<void> {
  await tx.insert(liveEvents).values({
    topic: event.topic, scopePath: event.scopePath ?? null, departmentId: event.departmentId ?? null,
    userId: event.userId ?? null, payload: event.payload ?? {},
  });
}

/** Deletes outbox rows older than a day (subscribers only ever need the last seconds). */
export async function pruneLiveEvents(db: Queryable): Promise<void> {
  await db.delete(liveEvents).where(sql`${liveEvents.at} < now() - interval '1 day'`);
}
