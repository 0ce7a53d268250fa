/**
 * The order in which the embedded database's one PGlite session serves its socket connections.
 *
 * Written here because the socket server's own queue (@electric-sql/pglite-socket 0.2.x) keeps a
 * connection's messages together only inside an SQL transaction. An extended-protocol query
 * (Parse, Bind, Describe, Execute, Sync) is several messages, and a large Bind arrives in several
 * socket reads, so another connection's Parse slipped in between and the first connection bound
 * against the wrong statement: errors, or silently another query's rows (upstream issue
 * electric-sql/pglite#1046, open). The server process plus a CLI tool or an import worker is
 * enough to hit it. This queue keeps a connection's messages together from its first extended
 * message to its Sync (or a simple Query), and also while it holds a transaction; and a failing
 * message never stalls the queue.
 */
import type { PGlite } from '@electric-sql/pglite';

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

const code = (c: string) => c.charCodeAt(0);
/** Parse, Bind, Describe, Execute, Close, Flush: the session holds their state until Sync. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map(code));
/** Messages after which the backend is ready for another client's query. */
const BATCH_END = new Set(['S', 'Q'].map(code));
const SYNC = new Uint8Array([code('S'), 0, 0, 0, 4]);

export class PgliteSessionQueue {
  private queue: Pending[] = [];
  private draining = false;
  /** The connection whose messages were served last; it owns the session while `inBatch` or in a transaction. */
  private owner: number | null = null;
  private inBatch = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((p) => {
      if (p.handlerId !== handlerId) return true;
      p.reject(new Error('连接已断开'));
      return false;
    });
  }

  /** A connection went away: end what it left open so the others can go on. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner === handlerId) {
      // An unfinished batch that failed makes the backend skip everything until a Sync.
      if (this.inBatch)
        await this.db.runExclusive(() => this.db.execProtocolRawStream(SYNC, { onRawData: () => undefined }));
      // exec() takes PGlite's lock itself: not inside runExclusive, or it waits for itself.
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
      this.inBatch = false;
      this.owner = null;
    }
    void this.drain();
  }

  private next(): Pending | undefined {
    const pinned = this.owner !== null && (this.inBatch || this.db.isInTransaction());
    if (!pinned) return this.queue.shift();
    const i = this.queue.findIndex((p) => p.handlerId === this.owner);
    return i < 0 ? undefined : this.queue.splice(i, 1)[0];
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let p = this.next(); p; p = this.next()) await this.serve(p);
    } finally {
      this.draining = false;
    }
  }

  private async serve(p: Pending): Promise<void> {
    const type = p.message[0]!;
    this.owner = p.handlerId;
    if (EXTENDED.has(type)) this.inBatch = true;
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(p.message, {
          onRawData: (data) => {
            bytes += data.length;
            p.onData(data);
          },
        }),
      );
      p.resolve(bytes);
    } catch (error) {
      p.reject(error);
    } finally {
      if (BATCH_END.has(type)) this.inBatch = false;
    }
  }
}

/**
 * Puts the queue into a socket server before it starts (handlers take the server's queue when a
 * connection arrives). The field is private in the library: fail loudly if a new version renamed it.
 */
export function isolateSessions(server: object, db: PGlite): void {
  const holder = server as { queryQueue?: unknown };
  if (!holder.queryQueue) throw new Error('pglite-socket 的内部队列已改名：请核对 pglite-session-queue.ts');
  holder.queryQueue = new PgliteSessionQueue(db);
}
