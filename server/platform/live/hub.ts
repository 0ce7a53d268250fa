import { asc, gt, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/open.ts';
import { liveEvents } from '../jobs/schema.ts';

type EventRow = typeof liveEvents.$inferSelect;
export interface Subscriber { actor: Actor; send(event: EventRow): void }

/**
 * Topics whose area events also reach the people living inside the area, residents included
 * (a neighbourhood board: residents see the boards of where they live). Modules name their own.
 */
const reachesInhabitants = new Set<string>();
export function deliverToInhabitants(topic: string): void {
  reachesInhabitants.add(topic);
}

/**
 * Who receives an event: the named user, the department it concerns, staff whose scope covers
 * it, and — for the topics above — whoever lives or works inside its area.
 */
export function shouldReceive(actor: Actor, event: EventRow): boolean {
  if (event.userId !== null) return event.userId === actor.userId;
  if (event.departmentId !== null && actor.departmentId === event.departmentId) return true;
  if (!event.scopePath || !actor.scopePath) return false;
  if (reachesInhabitants.has(event.topic) && actor.scopePath.startsWith(event.scopePath)) return true;
  return event.scopePath.startsWith(actor.scopePath) && actor.role !== 'resident';
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
