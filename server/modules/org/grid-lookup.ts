import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import { countAndLatest, fingerprintCache } from '../../platform/fingerprint-cache.ts';
import { GridLocator } from './geo/grid-locator.ts';
import type { GeoArea } from './geo/types.ts';
import { orgNodes } from './schema.ts';

/**
 * Point → grid resolution with an in-memory index per process. The index is rebuilt when
 * the grids' fingerprint (count + latest change) moves, so an instance never answers from
 * boundaries another instance has redrawn.
 */
export function createGridLookup(db: Db) {
  const locator = fingerprintCache<GridLocator>({
    fingerprint: countAndLatest(sql`${orgNodes}`, sql`${orgNodes.updatedAt}`, sql`${orgNodes.level} = 'grid'`),
    async build(q) {
      const grids = await q.select({ id: orgNodes.id, code: orgNodes.code, geometry: orgNodes.geometry }).from(orgNodes)
        .where(sql`${orgNodes.level} = 'grid' and ${orgNodes.geometry} is not null and ${orgNodes.retiredAt} is null`);
      return GridLocator.build(grids.map((g) => ({ id: g.id, code: g.code, polygon: g.geometry as GeoArea })));
    },
  });

  return {
    /** The grid containing the point, or null when it lies outside every grid. */
    async locate(lng: number, lat: number) {
      return (await locator.get(db)).locate(lng, lat);
    },
    /** Many points against one snapshot of the index (one fingerprint check for a whole file). */
    async locateMany(points: readonly { lng: number; lat: number }[]) {
      const index = await locator.get(db);
      return points.map((p) => index.locate(p.lng, p.lat));
    },
  };
}
export type GridLookup = ReturnType<typeof createGridLookup>;
