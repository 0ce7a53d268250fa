import { asc, gt, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/open.ts';
import { liveEvents } from '../jobs/schema.ts';

type EventRow = typeof liveEvents.$inferSelect;
export interface Subscriber { actor: Actor; send(event: EventRow): void }

/** Who receives an event: the named user, the department it concerns, or staff whose scope covers it. */
export function shouldReceive(actor: Actor, event: EventRow): boolean {
  if (event.userId !== null) return event.userId === actor.userId;
  if (event.departmentId !== null && actor.departmentId === event.departmentId) return true;
  return Boolean(event.scopePath && actor.scopePath && event.scopePath.startsWith(actor.scopePath)) && actor.role !== 'resident';
}

/**
 * One per process: polls the outbox for rows newer than the last seen and hands them to the
 * local subscribers. Polling only runs while someone is subscribed.
 */
export function createLiveHub(db: Db, pollMs = 500) {
  const subscribers = new Set<Subscriber>();
  let lastId: number | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function poll(): Promise<void> {
    if (lastId === null) {
      const [row] = await db.select({ max: sql<number>`coalesce(max(${liveEvents.id}), 0)` }).from(liveEvents);
      lastId = Number(row?.max ?? 0);
    }
    const rows = await db.select().from(liveEvents).where(gt(liveEvents.id, lastId)).orderBy(asc(liveEvents.id)).limit(500);
    for (const row of rows) {
      lastId = row.id;
      for (const s of subscribers) if (shouldReceive(s.actor, row)) s.send(row);
    }
  }

  function schedule(): void {
    if (timer || subscribers.size === 0) return;
    timer = setTimeout(() => {
      timer = null;
      poll().catch(() => undefined).finally(schedule);
    }, pollMs);
  }

  return {
    subscribe(subscriber: Subscriber): () => void {
      subscribers.add(subscriber);
      schedule();
      return () => { subscribers.delete(subscriber); };
    },
    /** Fetches now instead of waiting for the next tick (tests). */
    poll,
    close(): void { if (timer) clearTimeout(timer); timer = null; subscribers.clear(); },
  };
}
export type LiveHub = ReturnType<typeof createLiveHub>;
