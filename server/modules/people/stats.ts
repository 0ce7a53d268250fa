import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import type { Slice, StatProvider, StatQuery } from '../analytics/stat-provider.ts';

/** The grid part of a house path (district/street/community/grid/…): counts per grid, never per person. */
const GRID_OF = sql`substring(scope_path from '^/[0-9]+/[0-9]+/[0-9]+/[0-9]+/')`;

async function count(db: Queryable, q: StatQuery, table: 'people_residents' | 'people_entities'): Promise<number> {
  const current = table === 'people_residents' ? sql` and moved_out_on is null` : sql``;
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${underPath(sql`scope_path`, q.scopePath)}${current}`,
  );
  return Number(rows[0]?.n ?? 0);
}

async function careByGrid(db: Queryable, q: StatQuery): Promise<Slice[]> {
  const { rows } = await db.execute<{
    key: string;
    value: number;
  }>(sql`select ${GRID_OF} as key, count(*)::int as value from people_residents
    where ${underPath(sql`scope_path`, q.scopePath)} and moved_out_on is null and cardinality(care_tags) > 0 group by 1`);
  return rows.filter((r) => r.key).map((r) => ({ key: r.key, name: r.key, value: Number(r.value) }));
}

async function components(db: Queryable, q: StatQuery) {
  const { rows } = await db.execute(
    sql`select id, lng, lat, name, state from people_components where ${underPath(sql`scope_path`, q.scopePath)} order by id limit 10000`,
  );
  return rows;
}

export const peopleStats: StatProvider[] = [
  {
    name: 'people.population',
    label: '实有人口',
    kind: 'figure',
    compute: (db, q) => count(db, q, 'people_residents'),
  },
  { name: 'people.entities', label: '法人单位', kind: 'figure', compute: (db, q) => count(db, q, 'people_entities') },
  { name: 'people.careByGrid', label: '关怀对象（按网格计数）', kind: 'breakdown', compute: careByGrid },
  { name: 'people.components', label: '城市部件', kind: 'list', compute: components },
];
