import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/open.ts';
import { runsOnPglite } from '../db/pglite-detect.ts';
import { cursorOf, type Cursor } from './cursor.ts';
import { createErrorLog } from './error-log.ts';
import { startLiveListener, type LiveListener } from './listener.ts';
import { latestReleased, readReleased, type LiveRow } from './outbox.ts';

type EventRow = Pick<LiveRow, 'topic' | 'scopePath' | 'departmentId' | 'userId'>;

export interface Subscriber {
  actor: Actor;
  /** Once the hub knows where it stands: every event after `cursor` will come through send(). */
  start(cursor: Cursor): void;
  /** An event this subscriber's actor may receive, in cursor order. */
  send(event: LiveRow): void;
  /** The hub has read up to `cursor` (whether or not anything in it was for this subscriber). */
  advanced?(cursor: Cursor): void;
  /** Reading the outbox failed (degraded) or works again. */
  status?(degraded: boolean): void;
  /** This instance is shutting down: tell the browser to reconnect (to another instance) and end. */
  close?(): void;
}

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

export interface LiveHubOptions {
  /**
   * Safety-net poll. Default: 500 ms on embedded PGlite, where polling is all there is; 5 s on
   * PostgreSQL, where NOTIFY wakes the hub at every commit.
   */
  pollMs?: number;
  /** LISTEN for notifications (PostgreSQL only; ignored on PGlite). Default true. */
  listen?: boolean;
}

const BATCH = 500;
/** A row held back behind a running transaction is looked at again this soon. */
const HELD_BACK_RETRY_MS = 100;

/**
 * One per process: reads the outbox gaplessly (outbox.ts) from where it stood and hands each event
 * to the local subscribers it concerns. Woken by NOTIFY on PostgreSQL, by its poll otherwise; runs
 * only while someone is subscribed (and starts afresh from "now" when someone subscribes again).
 */
export function createLiveHub(db: Db, options: LiveHubOptions = {}) {
  const subscribers = new Set<Subscriber>();
  const log = createErrorLog();
  let cursor: Cursor | null = null;
  let degraded = false;
  let generation = 0;
  let timer: NodeJS.Timeout | null = null;
  let listener: LiveListener | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let heldBack = false;
  let pollMs = options.pollMs ?? 500;
  let draining = false;

  function setDegraded(value: boolean): void {
    if (degraded === value) return;
    degraded = value;
    if (!value) console.info('实时事件已恢复');
    for (const s of subscribers) s.status?.(value);
  }

  async function readOnce(gen: number): Promise<void> {
    if (cursor === null) {
      const start = await latestReleased(db);
      if (gen !== generation) return;
      cursor = start;
      for (const s of subscribers) s.start(start);
    }
    for (;;) {
      const read = await readReleased(db, cursor, BATCH);
      if (gen !== generation) return;
      // Delivery is synchronous: a subscriber joining between two reads starts exactly at `cursor`.
      for (const row of read.rows) {
        cursor = cursorOf(row);
        for (const s of subscribers) if (shouldReceive(s.actor, row)) s.send(row);
      }
      if (read.rows.length) for (const s of subscribers) s.advanced?.(cursor);
      heldBack = read.heldBack;
      if (!read.more) return;
    }
  }

  /** Reads now; calls arriving meanwhile (notifications) fold into one more read afterwards. */
  function read(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    const gen = generation;
    running = (async () => {
      try {
        do {
          again = false;
          await readOnce(gen);
        } while (again && gen === generation);
        setDegraded(false);
      } catch (error) {
        log.error('读取实时事件失败', error);
        if (gen === generation && subscribers.size) setDegraded(true);
      } finally {
        running = null;
        // A call that arrived for a newer generation (someone subscribed after a stop) reads now.
        if (again) {
          again = false;
          void read();
        } else schedule();
      }
    })();
    return running;
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (subscribers.size === 0) return;
    const delay = heldBack ? HELD_BACK_RETRY_MS : degraded ? Math.min(pollMs, 2_000) : pollMs;
    timer = setTimeout(() => {
      timer = null;
      void read();
    }, delay);
  }

  async function begin(gen: number): Promise<void> {
    let pglite = true;
    try {
      pglite = await runsOnPglite(db.$client);
    } catch (error) {
      log.error('无法判断数据库类型', error);
    }
    if (gen !== generation) return;
    if (!pglite) {
      pollMs = options.pollMs ?? 5_000;
      if (options.listen !== false) {
        listener = startLiveListener(
          db.$client.options,
          () => void read(),
          (context, error) => log.error(context, error),
        );
      }
    }
    void read();
  }

  function stop(): void {
    generation++;
    if (timer) clearTimeout(timer);
    timer = null;
    listener?.close();
    listener = null;
    cursor = null;
    heldBack = false;
    degraded = false;
  }

  return {
    subscribe(subscriber: Subscriber): () => void {
      // A stream opened while the instance drains (on a kept-alive connection) is sent on at once.
      if (draining) {
        subscriber.close?.();
        return () => undefined;
      }
      subscribers.add(subscriber);
      if (subscribers.size === 1) void begin(generation);
      else if (cursor !== null) subscriber.start(cursor);
      return () => {
        if (subscribers.delete(subscriber) && subscribers.size === 0) stop();
      };
    },
    /** Whether reading the outbox is failing right now. */
    get degraded(): boolean {
      return degraded;
    },
    /** Open event streams on this instance (metrics). */
    subscriberCount: (): number => subscribers.size,
    /** Reads now instead of waiting for a notification or the next tick (tests). */
    poll: read,
    close(): void {
      subscribers.clear();
      stop();
    },
    /**
     * Shutdown: every open stream is told to reconnect and ended (the browser's EventSource comes
     * back through the load balancer to another instance and resumes from its last cursor), and so
     * is any stream opened from now on. Returns how many streams were ended.
     */
    drain(): number {
      draining = true;
      const open = [...subscribers];
      subscribers.clear();
      stop();
      for (const s of open) s.close?.();
      return open.length;
    },
  };
}
export type LiveHub = ReturnType<typeof createLiveHub>;
