import { drizzle } from 'drizzle-orm/node-postgres';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as schema from '../../db/schema.ts';
import type { Db } from './open.ts';
import { pg } from './pg-types.ts';

/**
 * Where the heavy reads go (big screen, indicators, map layers, exports): a streaming replica
 * when DATABASE_READ_URL is set, else the primary.
 *
 * Read-your-writes, per session: after every successful write request (any method but GET/HEAD/
 * OPTIONS answered below 400) the primary's WAL position is put in the `gh_wal` cookie; a later
 * read goes to the replica only once the replica has replayed up to that position, otherwise to
 * the primary. A session that never wrote reads the replica as it is (normally < 1 s behind).
 * Routed reads are GETs that write at most an audit row they do not read back. The cookie only
 * steers this session's own reads: forging it can only send them to the primary or to a replica
 * that may not yet show the session's own writes.
 *
 * A replica that cannot be reached (refused, timed out, shutting down, cancelled by recovery) is
 * logged, its query is run again on the primary, and reads stay on the primary for RETRY_MS.
 */
export interface ReadRouting {
  /** The database for this request's routed reads. */
  forRequest(request: FastifyRequest): Promise<Db>;
  /** Installs the hook that records a session's write position (no-op without a replica). */
  register(app: FastifyInstance): void;
  /** 'replica' when a replica is configured and currently in use. */
  readonly target: 'primary' | 'replica';
  close(): Promise<void>;
}

export const WAL_COOKIE = 'gh_wal';
const RETRY_MS = 10_000;
/** The replica's replay position is asked at most this often while sessions wait for it. */
const REPLAY_CACHE_MS = 50;
const APPLICATION_NAME = 'gridhive-read-replica';

export function primaryOnly(primary: Db): ReadRouting {
  return { forRequest: async () => primary, register() {}, target: 'primary', close: async () => {} };
}

/** 'A/B' (pg_lsn text) → a comparable number; null when malformed. */
export function parseLsn(text: string | undefined | null): bigint | null {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text ?? '');
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : null;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '40001',
]);
/** Errors that say "this replica cannot answer now", as opposed to a bad query (which fails on the primary too). */
export function replicaUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/i.test(e.message ?? '');
}

export function createReadRouting(
  primary: Db,
  replicaUrl: string,
  options: { log?: (message: string) => void } = {},
): ReadRouting {
  const log = options.log ?? ((message: string) => console.error(message));
  let downUntil = 0;
  const markDown = (error: unknown): void => {
    const now = Date.now();
    if (now >= downUntil)
      log(
        `只读副本（DATABASE_READ_URL）不可用：${(error as Error)?.message ?? String(error)}；读请求改由主库处理，${RETRY_MS / 1000} 秒后再试副本`,
      );
    downUntil = now + RETRY_MS;
  };

  const replicaPool = new pg.Pool({
    connectionString: replicaUrl,
    max: 10,
    connectionTimeoutMillis: 3_000,
    application_name: APPLICATION_NAME,
    options: '-c jit=off',
  });
  replicaPool.on('error', (error) => markDown(error));
  // Every query the replica cannot answer is answered by the primary instead: nothing is lost,
  // even for a request that picked the replica a moment before it went away.
  const replicaQuery = replicaPool.query.bind(replicaPool) as (...args: unknown[]) => Promise<unknown>;
  const primaryQuery = primary.$client.query.bind(primary.$client) as (...args: unknown[]) => Promise<unknown>;
  (replicaPool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    if (typeof args[args.length - 1] === 'function') return replicaQuery(...args);
    if (Date.now() < downUntil) return primaryQuery(...args);
    return replicaQuery(...args).catch((error: unknown) => {
      if (!replicaUnavailable(error)) throw error;
      markDown(error);
      return primaryQuery(...args);
    });
  };
  const replica = drizzle(replicaPool, { schema }) as unknown as Db;

  let replayed: { lsn: bigint; at: number } | null = null;
  let asking: Promise<bigint | null> | null = null;
  const replayLsn = (): Promise<bigint | null> => {
    asking ??= replicaPool
      .query<{ lsn: string | null; standby: boolean }>(
        'select pg_last_wal_replay_lsn()::text as lsn, pg_is_in_recovery() as standby',
      )
      .then((r) => {
        // Asked of the primary (the replica was down) or of a server that is not a standby: unknown.
        const row = r.rows[0];
        const lsn = row?.standby ? parseLsn(row.lsn) : null;
        if (lsn !== null) replayed = { lsn, at: Date.now() };
        return lsn;
      })
      .catch((error: unknown) => {
        markDown(error);
        return null;
      })
      .finally(() => {
        asking = null;
      });
    return asking;
  };

  return {
    get target() {
      return Date.now() < downUntil ? ('primary' as const) : ('replica' as const);
    },
    async forRequest(request) {
      if (Date.now() < downUntil) return primary;
      const needed = parseLsn(request.cookies?.[WAL_COOKIE]);
      if (needed === null) return replica;
      if (replayed && replayed.lsn >= needed) return replica;
      const fresh = replayed && Date.now() - replayed.at < REPLAY_CACHE_MS ? replayed.lsn : await replayLsn();
      return fresh !== null && fresh >= needed ? replica : primary;
    },
    register(app) {
      app.addHook('onSend', async (request, reply, payload) => {
        if (
          request.method === 'GET' ||
          request.method === 'HEAD' ||
          request.method === 'OPTIONS' ||
          reply.statusCode >= 400
        )
          return payload;
        try {
          const { rows } = await primary.$client.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
          if (rows[0])
            reply.setCookie(WAL_COOKIE, rows[0].lsn, {
              path: '/',
              httpOnly: true,
              sameSite: 'lax',
              secure: request.protocol === 'https',
            });
        } catch {
          // Without the position this session's next reads still work; they may just lag.
        }
        return payload;
      });
    },
    async close() {
      await replicaPool.end();
    },
  };
}
