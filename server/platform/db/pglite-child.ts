/**
 * Child-process entry that owns the embedded PGlite database and serves it over
 * the PostgreSQL wire protocol on a private Unix socket. It runs apart from the
 * HTTP server because PGlite executes queries on its host's main thread: one slow
 * query would otherwise stall every request.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { isolateSessions } from './pglite-session-queue.ts';

const [pgdataDir, socketPath] = process.argv.slice(2);
if (!pgdataDir || !socketPath) throw new Error('usage: pglite-child <pgdata-dir> <socket-path>');

const db = await PGlite.create({ dataDir: pgdataDir, extensions: { pg_trgm } });
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 16 });
// Connections share the one session: keep each one's query together (see pglite-session-queue.ts).
isolateSessions(server, db);
await server.start();
process.send?.({ ready: true });

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await server.stop().catch(() => undefined);
  await db.close().catch(() => undefined);
  process.exit(0);
}
// The parent owns our lifetime: when it goes (even by SIGKILL) the IPC channel closes.
process.on('disconnect', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
