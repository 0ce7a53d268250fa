import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { runsOnPglite } from './pglite-detect.ts';
import type { Queryable } from './tx.ts';

/** What drizzle's node-postgres database and transaction both carry (internal, stable since 0.30). */
interface DrizzleHandle {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: {
    client: { query(text: string): Promise<{ rows: unknown[] }> };
    prepareQuery(
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: string | undefined,
      arrayMode: boolean,
    ): { execute(): Promise<{ rows: unknown[] }> };
  };
}

/** Statement names by text: the same text always gets the same name, a new text a new one. */
const names = new Map<string, string>();
/** Beyond this many distinct texts a statement goes unnamed: names must not grow without bound. */
const MAX_NAMES = 500;

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_NAMES) {
    name = `gh_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `statement` like `q.execute(statement)` (same rows, same value parsing), but on PostgreSQL
 * as a named prepared statement: each connection parses and plans it once, where an unnamed one is
 * parsed and planned on every call (for a case report's two statements that planning was about as
 * much PostgreSQL work as running them). The name comes from the statement's text, so variants of a
 * statement never collide. Not on embedded PGlite, whose one shared session would see every
 * connection prepare the same name.
 */
export async function executeNamed<R extends Record<string, unknown>>(
  q: Queryable,
  statement: SQL,
): Promise<{ rows: R[] }> {
  const handle = q as unknown as DrizzleHandle;
  if (await runsOnPglite(handle.session.client)) return (await q.execute(statement)) as unknown as { rows: R[] };
  const query = handle.dialect.sqlToQuery(statement);
  const result = await handle.session.prepareQuery(query, undefined, nameOf(query.sql), false).execute();
  return result as { rows: R[] };
}
