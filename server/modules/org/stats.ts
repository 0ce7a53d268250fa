import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import type { StatProvider, StatQuery } from '../analytics/stat-provider.ts';

/** Households are registered per grid, so a figure above grid level sums the grids. */
async function countNodes(
  db: Queryable,
  q: StatQuery,
  level: 'grid' | 'building',
  column: 'households' | 'nodes',
): Promise<number> {
  const value = column === 'households' ? sql`coalesce(sum(households), 0)` : sql`count(*)`;
  const { rows } = await db.execute<{ n: number }>(
    sql`select ${value}::int as n from org_nodes where level = ${level} and ${underPath(sql`path`, q.scopePath)}`,
  );
  return Number(rows[0]?.n ?? 0);
}

export const orgStats: StatProvider[] = [
  {
    name: 'org.households',
    label: '户数',
    kind: 'figure',
    compute: (db, q) => countNodes(db, q, 'grid', 'households'),
  },
  { name: 'org.grids', label: '网格数', kind: 'figure', compute: (db, q) => countNodes(db, q, 'grid', 'nodes') },
  {
    name: 'org.buildings',
    label: '楼栋数',
    kind: 'figure',
    compute: (db, q) => countNodes(db, q, 'building', 'nodes'),
  },
];
