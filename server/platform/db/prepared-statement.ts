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
    ): { execute(values: Record<string, unknown>): Promise<{ rows: unknown[] }> };
  };
}

/**
 * A hot statement, built once and named. `build` returns its SQL (given the first caller's handle,
 * for drizzle's builders) with `sql.placeholder(name)`
 * where each call's values go (in an insert's `.values()`, a placeholder is mapped by its column
 * like any value); a call only fills them in. On PostgreSQL it runs as a named prepared
 * statement, parsed and planned once per connection: for a case report, building its SQL in
 * drizzle and planning it in PostgreSQL on every call had cost more than running it. The name
 * carries a hash of the text, so two statements can never share one. Rows come back as from
 * `q.execute` (same value parsing). Not named on embedded PGlite, whose one shared session would
 * see every connection prepare the same name.
 */
export function preparedStatement<V extends Record<string, unknown>, R extends Record<string, unknown>>(
  name: string,
  build: (q: Queryable) => SQL,
): (q: Queryable, values: V) => Promise<{ rows: R[] }> {
  let built: { query: { sql: string; params: unknown[] }; name: string } | null = null;
  return async (q, values) => {
    const handle = q as unknown as DrizzleHandle;
    if (!built) {
      const query = handle.dialect.sqlToQuery(build(q));
      built = { query, name: `gh_${name}_${createHash('sha1').update(query.sql).digest('hex').slice(0, 12)}` };
    }
    const named = !(await runsOnPglite(handle.session.client));
    const result = await handle.session
      .prepareQuery(built.query, undefined, named ? built.name : undefined, false)
      .execute(values);
    return result as { rows: R[] };
  };
}
