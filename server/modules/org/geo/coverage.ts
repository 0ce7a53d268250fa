/**
 * Coverage checks: grids must cover their community without gaps ("无缝覆盖") and a grid must not
 * reach outside its community. Both are "what is left of A after removing B…" questions.
 */
import { area } from '@turf/area';
import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import { feature } from './overlap.ts';
import type { GeoArea } from './types.ts';

export interface AreaReport {
  /** left-over area in m² (0.1 m² precision) */
  areaM2: number;
  /** left-over share of the first polygon's area, 0–1 */
  ratio: number;
  /** the left-over region for display, or null when below tolerance */
  geometry: GeoArea | null;
}

function remainder(base: GeoArea, cutters: readonly GeoArea[], toleranceM2: number): AreaReport {
  const total = area(base as never);
  // turf's difference removes every later feature from the first one in a single sweep.
  const rest =
    cutters.length === 0 ? feature(base) : difference(featureCollection([feature(base), ...cutters.map(feature)]));
  const left = rest ? area(rest) : 0;
  // Shared edges leave numerical crumbs of a few cm²; below tolerance counts as exactly covered.
  if (left < toleranceM2) return { areaM2: 0, ratio: 0, geometry: null };
  return {
    areaM2: Math.round(left * 10) / 10,
    ratio: total > 0 ? left / total : 0,
    geometry: (rest?.geometry ?? null) as GeoArea | null,
  };
}

/** Part of the community that no grid covers. */
export function uncoveredArea(
  communityPolygon: GeoArea,
  grids: readonly (GeoArea | { polygon: GeoArea })[],
  opts: { toleranceM2?: number } = {},
): AreaReport {
  const polygons = grids.map((g) => ('polygon' in g ? g.polygon : g));
  return remainder(communityPolygon, polygons, opts.toleranceM2 ?? 1);
}

/** Part of the candidate grid that lies outside its parent (community) polygon. */
export function outsideParent(
  candidate: GeoArea,
  parentPolygon: GeoArea,
  opts: { toleranceM2?: number } = {},
): AreaReport {
  return remainder(candidate, [parentPolygon], opts.toleranceM2 ?? 1);
}
