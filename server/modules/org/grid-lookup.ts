import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import { GridLocator } from './geo/grid-locator.ts';
import type { GeoPolygon } from './geo/types.ts';
import { orgNodes } from './schema.ts';

/**
 * Point → grid resolution with an in-memory index per process. The index is rebuilt when
 * the grids' fingerprint (count + latest change) moves, so an instance never answers from
 * boundaries another instance has redrawn.
 */
export function createGridLookup(db: Db) {
  let cached: { fingerprint: string; locator: GridLocator } | null = null;

  async function locator(): Promise<GridLocator> {
    const [fp] = await db.select({ n: sql<number>`count(*)`, latest: sql<string>`coalesce(max(${orgNodes.updatedAt}), 'epoch')::text` })
      .from(orgNodes).where(eq(orgNodes.level, 'grid'));
    const fingerprint = `${fp?.n}:${fp?.latest}`;
    if (cached?.fingerprint === fingerprint) return cached.locator;
    const grids = await db.select({ id: orgNodes.id, code: orgNodes.code, geometry: orgNodes.geometry }).from(orgNodes)
      .where(sql`${orgNodes.level} = 'grid' and ${orgNodes.geometry} is not null`);
    const built = GridLocator.build(grids.map((g) => ({ id: g.id, code: g.code, polygon: g.geometry as GeoPolygon })));
    cached = { fingerprint, locator: built };
    return built;
  }

  return {
    /** The grid containing the point, or null when it lies outside every grid. */
    async locate(lng: number, lat: number) {
      return (await locator()).locate(lng, lat);
    },
  };
}
export type GridLookup = ReturnType<typeof createGridLookup>;
