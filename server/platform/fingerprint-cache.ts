import { sql, type SQL } from 'drizzle-orm';
import { preparedStatement } from './db/prepared-statement.ts';
import type { Queryable } from './db/tx.ts';

/**
 * A value built from database rows, kept per process and rebuilt only when its source changes.
 * The source is summarised by a cheap fingerprint (row count + latest change), so several
 * instances behind a load balancer each notice another instance's edit. `recheckMs` > 0 skips
 * the fingerprint query for that long (for values whose edits may take a moment to spread).
 * Concurrent gets during a rebuild share it (a slow build, such as training a model, runs once).
 */
export function fingerprintCache<T>(options: {
  fingerprint: SQL;
  build: (db: Queryable) => Promise<T>;
  recheckMs?: number;
}) {
  // Checked before every use: prepared once per connection, not planned on every call.
  const readFingerprint = preparedStatement<Record<string, never>, { fp: string }>(
    'fingerprint',
    () => sql`select (${options.fingerprint})::text as fp`,
  );
  let cached: { fingerprint: string; value: T; checkedAt: number } | null = null;
  let building: { fingerprint: string; promise: Promise<T> } | null = null;
  return {
    async get(db: Queryable): Promise<T> {
      if (cached && options.recheckMs && Date.now() - cached.checkedAt < options.recheckMs) return cached.value;
      const row = (await readFingerprint(db, {})).rows[0];
      const fingerprint = String(row?.fp);
      if (cached?.fingerprint === fingerprint) {
        cached.checkedAt = Date.now();
        return cached.value;
      }
      if (building?.fingerprint === fingerprint) return building.promise;
      const promise = options
        .build(db)
        .then((value) => {
          cached = { fingerprint, value, checkedAt: Date.now() };
          return value;
        })
        .finally(() => {
          if (building?.promise === promise) building = null;
        });
      building = { fingerprint, promise };
      return promise;
    },
    /** The value built last, without checking the source (null before the first build). */
    current(): T | null {
      return cached?.value ?? null;
    },
    /** Rebuild on the next get (after an edit made by this process). */
    forget(): void {
      cached = null;
      building = null;
    },
  };
}

/** The usual fingerprint: how many rows, and the latest change among them. */
export function countAndLatest(table: SQL, changedAt: SQL, where: SQL = sql`true`): SQL {
  return sql`(select count(*) || ':' || coalesce(max(${changedAt})::text, 'epoch') from ${table} where ${where})`;
}
