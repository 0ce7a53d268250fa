import { pg } from './pg-types.ts';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from '../../db/schema.ts';
import { startEmbeddedDatabase } from './embedded.ts';
import { runMigrations } from './migrate.ts';

/** The drizzle handle over the pool (`$client`): never a transaction (that is `Tx`). */
export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** 'embedded' when PGlite runs in our child process, 'postgres' for DATABASE_URL. */
  kind: 'embedded' | 'postgres';
  close(): Promise<void>;
}

/**
 * Opens the one database the server talks to — always through `pg`, whether it is
 * PGlite in a child process (default) or a real PostgreSQL (DATABASE_URL) — and
 * brings its schema up to date.
 */
export async function openDatabase(options: {
  dataDir: string;
  databaseUrl: string | null;
  poolSize?: number;
  shareRunning?: boolean;
}): Promise<Database> {
  // shareRunning (command-line tools): when a server holds the embedded database, use its socket.
  const embedded = options.databaseUrl
    ? null
    : await startEmbeddedDatabase(options.dataDir, { shareRunning: options.shareRunning });
  const connectionString = options.databaseUrl ?? embedded!.connectionString;
  // PGlite is one database session: pglite-socket multiplexes connections onto it, and under
  // concurrent transactions that multiplexer was seen to stall (a query never answered). One
  // connection per process serialises our work on it cleanly, which costs nothing: PGlite runs one
  // query at a time anyway. Several processes (a worker beside the server) may still connect.
  // On PostgreSQL, JIT compilation is off for our sessions: it starts above a planner cost our
  // map and list queries reach at millions of rows, and then spends 80–120 ms compiling a query
  // that runs in 50 (bench/dashboard). Heavy aggregation lives in rollup jobs, not requests.
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? (embedded ? 1 : 10),
    ...(embedded ? {} : { options: '-c jit=off' }),
  });
  pool.on('error', (error) => console.error('数据库连接错误：', error.message));
  try {
    await runMigrations(pool);
  } catch (error) {
    await pool.end();
    await embedded?.stop();
    throw error;
  }
  return {
    db: drizzle(pool, { schema }),
    pool,
    kind: embedded ? 'embedded' : 'postgres',
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
