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
  // The index and each grid's path, from one read: a located case needs the path for its scope.
  const locator = fingerprintCache<{ index: GridLocator; paths: Map<number, string> }>({
    fingerprint: countAndLatest(sql`${orgNodes}`, sql`${orgNodes.updatedAt}`, sql`${orgNodes.level} = 'grid'`),
    async build(q) {
      const grids = await q
        .select({ id: orgNodes.id, code: orgNodes.code, path: orgNodes.path, geometry: orgNodes.geometry })
        .from(orgNodes)
        .where(sql`${orgNodes.level} = 'grid' and ${orgNodes.geometry} is not null and ${orgNodes.retiredAt} is null`);
      return {
        index: GridLocator.build(grids.map((g) => ({ id: g.id, code: g.code, polygon: g.geometry as GeoArea }))),
        paths: new Map(grids.map((g) => [g.id, g.path])),
      };
    },
  });

  return {
    /** The grid containing the point (with its tree path), or null when it lies outside every grid. */
    async locate(lng: number, lat: number): Promise<LocatedGridWithPath | null> {
      return withPath(await locator.get(db), lng, lat);
    },
    /** Many points against one snapshot of the index (one fingerprint check for a whole file). */
    async locateMany(points: readonly { lng: number; lat: number }[]): Promise<(LocatedGridWithPath | null)[]> {
      const snapshot = await locator.get(db);
      return points.map((p) => withPath(snapshot, p.lng, p.lat));
    },
  };
}
export interface LocatedGridWithPath {
  id: number;
  code: string;
  path: string;
}

function withPath(
  snapshot: { index: GridLocator; paths: Map<number, string> },
  lng: number,
  lat: number,
): LocatedGridWithPath | null {
  const grid = snapshot.index.locate(lng, lat);
  return grid ? { id: grid.id, code: grid.code, path: snapshot.paths.get(grid.id)! } : null;
}

export type GridLookup = ReturnType<typeof createGridLookup>;
