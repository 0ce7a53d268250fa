import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { MIGRATION_SETS } from '../../db/migration-sets.ts';
import type { Db } from '../db/open.ts';

/**
 * Sets whose committed migrations are not all applied: an instance started from newer code than
 * the database (another instance still migrating, or a failed migration) is not ready.
 */
// The committed journals do not change while the process runs: read them once, not per probe.
let committed: { name: string; table: string; count: number }[] | null = null;
function committedSets() {
  committed ??= MIGRATION_SETS.map((set) => ({
    name: set.name,
    table: set.table,
    count: (JSON.parse(fs.readFileSync(`${set.folder}/meta/_journal.json`, 'utf8')) as { entries: unknown[] }).entries
      .length,
  }));
  return committed;
}

export async function pendingMigrationSets(db: Db): Promise<string[]> {
  const pending: string[] = [];
  for (const set of committedSets()) {
    const result = await db
      .execute(sql`select count(*)::int as n from drizzle.${sql.identifier(set.table)}`)
      .catch(() => null);
    const applied = Number((result?.rows[0] as { n?: number } | undefined)?.n ?? 0);
    if (applied < set.count) pending.push(set.name);
  }
  return pending;
}
