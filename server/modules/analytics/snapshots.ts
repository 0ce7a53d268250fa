import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { orgNodes } from '../org/schema.ts';
import { periodsAt } from './periods.ts';
import { snapshots } from './schema.ts';
import type { StatProvider, StatQuery } from './stat-provider.ts';

/**
 * Big-screen figures whose street- or community-wide query reads a row per person or point
 * (residents, entities, members, volunteer sign-ups, the month's points for the red list).
 * The snapshot job keeps them for nodes above grid level; a request reads one row per figure.
 */
export const SNAPSHOT_FIGURES = [
  'people.population',
  'people.entities',
  'party.members',
  'volunteers.volunteers',
  'party.redList',
];
const SNAPSHOT_LEVELS = ['district', 'street', 'community'] as const;
export const SNAPSHOT_EVERY_SECONDS = 300;
/** A snapshot the job has not renewed for three rounds is not trusted: the figure is computed live. */
const MAX_AGE_MS = 3 * SNAPSHOT_EVERY_SECONDS * 1000;

/** Recomputes every snapshot figure for every node above grid level; returns the values written. */
export async function refreshSnapshots(db: Db, providers: StatProvider[], now = new Date()): Promise<number> {
  const p = periodsAt(now);
  const nodes = await db
    .select({ path: orgNodes.path })
    .from(orgNodes)
    .where(inArray(orgNodes.level, [...SNAPSHOT_LEVELS]));
  let written = 0;
  for (const provider of providers) {
    if (!SNAPSHOT_FIGURES.includes(provider.name) || (provider.kind !== 'figure' && provider.kind !== 'list')) continue;
    const rows = [];
    for (const { path } of nodes) {
      const q: StatQuery = { scopePath: path, from: p.monthStart, to: p.nextMonthStart, now };
      rows.push({ name: provider.name, nodePath: path, value: await provider.compute(db, q), computedAt: now });
    }
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insert(snapshots)
        .values(rows.slice(i, i + 500))
        .onConflictDoUpdate({
          target: [snapshots.nodePath, snapshots.name],
          set: { value: sql`excluded.value`, computedAt: sql`excluded.computed_at` },
        });
    }
    written += rows.length;
  }
  return written;
}

/**
 * The snapshot values of `names` for the node, keyed by name: only fresh ones, taken in the
 * month they were computed for (the red list is the month's). Missing names are computed live.
 */
export async function snapshotValues(db: Queryable, names: string[], q: StatQuery): Promise<Map<string, unknown>> {
  const rows = await db
    .select()
    .from(snapshots)
    .where(and(eq(snapshots.nodePath, q.scopePath), inArray(snapshots.name, names)));
  const month = periodsAt(q.now).month;
  return new Map(
    rows
      .filter((r) => q.now.getTime() - r.computedAt.getTime() < MAX_AGE_MS && periodsAt(r.computedAt).month === month)
      .map((r) => [r.name, r.value]),
  );
}
