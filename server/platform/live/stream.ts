import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/open.ts';
import { compareCursors, formatCursor, type Cursor } from './cursor.ts';
import { shouldReceive, type LiveHub } from './hub.ts';
import { cursorRowAt, readReleased, type LiveRow } from './outbox.ts';

/** A reconnecting browser gets what it missed if it was gone no longer than this… */
export const RESUME_WINDOW_MS = 10 * 60_000;
/** …and missed no more events than this (its own and everyone else's); otherwise 'reset'. */
export const RESUME_MAX_EVENTS = 1000;
/** A browser told to reconnect (this instance is stopping) waits this long before it does. */
export const RECONNECT_AFTER_MS = 500;

export interface LiveStreamOptions {
  hub: LiveHub;
  db: Db;
  actor: Actor;
  /** Last-Event-ID the browser sent (or ?lastEventId=), already parsed; null when new. */
  resumeFrom: Cursor | null;
  /** Writes one SSE frame. */
  write(frame: string): void;
  /** Ends the response (after the 'reconnect' frame, when the instance shuts down). */
  end(): void;
}

const frame = (event: string, data: unknown, id?: Cursor): string =>
  `${id ? `id: ${formatCursor(id)}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * One browser's event stream. Live events come from the hub; a browser resuming with a cursor is
 * first sent, from the outbox, the events between its cursor and where the hub stood when it
 * joined (live ones arriving meanwhile wait in a buffer), so nothing is missed and nothing
 * repeats: every frame carries a cursor larger than the one before. Returns the unsubscribe.
 */
export function openLiveStream(options: LiveStreamOptions): { unsubscribe(): void; keepAlive(): void } {
  const { hub, db, actor, write } = options;
  let sent: Cursor | null = null;
  let buffer: LiveRow[] | null = null;
  let readUpTo: Cursor | null = null;

  const emit = (row: LiveRow): void => {
    if (sent && compareCursors(row, sent) <= 0) return;
    sent = { xid: row.xid, id: row.id };
    write(frame(row.topic, { ...row.payload, topic: row.topic, at: row.at }, sent));
  };

  async function replay(from: Cursor, until: Cursor): Promise<void> {
    if (compareCursors(from, until) === 0) {
      sent = until;
      mark(until);
      return;
    }
    const fromAt = await cursorRowAt(db, from);
    if (compareCursors(from, until) > 0) {
      // Ahead of this instance's hub (another instance served it): skip what it already has —
      // unless the cursor names no row here (another database, a restore), then start over.
      if (fromAt) {
        sent = from;
        mark(from);
      } else reset(until);
      return;
    }
    const missed = await readReleased(db, from, RESUME_MAX_EVENTS, until);
    const tooOld = missed.rows.length > 0 && missed.rows[0]!.at.getTime() < Date.now() - RESUME_WINDOW_MS;
    if (!fromAt || missed.more || tooOld) return reset(until);
    sent = from;
    for (const row of missed.rows) if (shouldReceive(actor, row)) emit(row);
    if (compareCursors(sent, until) < 0) {
      sent = until;
      mark(until);
    }
  }

  /** Tells the browser where it stands without an event for it (pages listen for 'position'). */
  function mark(at: Cursor): void {
    write(frame('position', {}, at));
  }

  function reset(at: Cursor): void {
    sent = at;
    write(frame('reset', { reason: '离线过久，请重新加载数据' }, at));
  }

  const unsubscribe = hub.subscribe({
    actor,
    start(cursor) {
      if (!options.resumeFrom) {
        sent = cursor;
        mark(cursor);
        return;
      }
      buffer = [];
      replay(options.resumeFrom, cursor)
        .catch((error: unknown) => {
          console.error('补发实时事件失败：', error instanceof Error ? error.message : error);
          reset(cursor);
        })
        .finally(() => {
          const waiting = buffer ?? [];
          buffer = null;
          for (const row of waiting) emit(row);
        });
    },
    send(row) {
      if (buffer) buffer.push(row);
      else emit(row);
    },
    advanced(cursor) {
      readUpTo = cursor;
    },
    status(degraded) {
      write(frame('status', { degraded }));
    },
    close() {
      // `retry:` makes EventSource come back within half a second; it resends its Last-Event-ID.
      write(`retry: ${RECONNECT_AFTER_MS}\n${frame('reconnect', { reason: '服务实例正在停止，请重新连接' })}`);
      options.end();
    },
  });
  write(frame('status', { degraded: hub.degraded }));
  return {
    unsubscribe,
    /**
     * Proxies drop idle connections, so the route calls this every few seconds. It carries the
     * hub's position when the hub read past this browser's last event: a browser that hears
     * nothing for an hour still resumes from a recent cursor, not from an hour ago ('reset').
     */
    keepAlive() {
      if (!buffer && sent && readUpTo && compareCursors(readUpTo, sent) > 0) {
        sent = readUpTo;
        mark(sent);
      } else {
        write(': keep-alive\n\n');
      }
    },
  };
}
