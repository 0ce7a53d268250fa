/** Clipping helpers over turf for boundaries (Polygon or MultiPolygon), with crumbs removed. */
import { area } from '@turf/area';
import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import { feature } from '../geo/overlap.ts';
import { areaOf, partsOf, type GeoArea, type LngLat } from '../geo/types.ts';

/** Below this an intersection is floating-point noise along a shared edge, not an overlap. */
export const NOISE_M2 = 0.05;

/** Drops parts and holes left as numerical crumbs by clipping. */
export function tidy(g: GeoArea | null): GeoArea | null {
  if (!g) return null;
  const ringM2 = (ring: LngLat[]) => area({ type: 'Polygon', coordinates: [ring] } as never);
  const parts = partsOf(g)
    .filter((rings) => ringM2(rings[0]!) >= NOISE_M2)
    .map((rings) => [rings[0]!, ...rings.slice(1).filter((h) => ringM2(h) >= NOISE_M2)]);
  return parts.length ? areaOf(parts) : null;
}

const geometryOf = (f: { geometry: unknown } | null) => (f?.geometry ?? null) as GeoArea | null;

export const minus = (a: GeoArea, b: GeoArea) =>
  tidy(geometryOf(difference(featureCollection([feature(a), feature(b)]))));
export const within = (a: GeoArea, b: GeoArea) =>
  tidy(geometryOf(intersect(featureCollection([feature(a), feature(b)]))));
export const plus = (a: GeoArea, b: GeoArea) =>
  tidy(geometryOf(union(featureCollection([feature(a), feature(b)]))) ?? a);
