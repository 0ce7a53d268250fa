/**
 * Overlap checks for grid boundaries ("无缝覆盖": grids of a community must not overlap).
 * Neighbours share edges exactly, and clipping a shared edge yields a zero-area sliver or a
 * numerical crumb, so only intersections of at least `toleranceM2` (default 1 m²) count.
 */
import { area } from '@turf/area';
import { feature as toFeature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { polygonBBox, type GeoArea } from './types.ts';

export interface PolygonRef<Id = number> {
  id: Id;
  code: string;
  polygon: GeoArea;
}
export interface OverlapHit<Id = number> {
  id: Id;
  code: string;
  areaM2: number;
}

export const feature = (p: GeoArea) => toFeature(p);

/** Intersection of two polygons, or null when they only touch (area below tolerance). */
export function intersection(a: GeoArea, b: GeoArea, toleranceM2 = 1): { areaM2: number; geometry: GeoArea } | null {
  const [aw, as, ae, an] = polygonBBox(a),
    [bw, bs, be, bn] = polygonBBox(b);
  // Disjoint boxes (or boxes that only share a side) cannot overlap: skip the costly clipping.
  if (aw >= be || bw >= ae || as >= bn || bs >= an) return null;
  const hit = intersect(featureCollection([feature(a), feature(b)]));
  if (!hit) return null;
  const areaM2 = area(hit);
  return areaM2 < toleranceM2 ? null : { areaM2, geometry: hit.geometry as GeoArea };
}

/** The existing polygons that `candidate` overlaps, with the overlapping area in m² (0.1 m² precision). */
export function findOverlaps<Id>(
  candidate: GeoArea,
  others: readonly PolygonRef<Id>[],
  opts: { toleranceM2?: number } = {},
): OverlapHit<Id>[] {
  const hits: OverlapHit<Id>[] = [];
  for (const other of others) {
    const hit = intersection(candidate, other.polygon, opts.toleranceM2);
    if (hit) hits.push({ id: other.id, code: other.code, areaM2: Math.round(hit.areaM2 * 10) / 10 });
  }
  return hits;
}
