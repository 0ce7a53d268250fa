/** Minimal GeoJSON shapes used by the grid code (WGS84, [lng, lat]). */
export type LngLat = [number, number];

export interface GeoPolygon {
  type: 'Polygon';
  /** rings[0] is the outer ring (counter-clockwise), further rings are holes; every ring is closed. */
  coordinates: LngLat[][];
}

/** [minLng, minLat, maxLng, maxLat] */
export type BBox = [number, number, number, number];

export function polygonBBox(polygon: GeoPolygon): BBox {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  // Holes lie inside the outer ring, so the outer ring alone bounds the polygon.
  for (const [x, y] of polygon.coordinates[0] ?? []) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

export interface GeoMultiPolygon {
  type: 'MultiPolygon';
  coordinates: LngLat[][][];
}

/** Twice the signed area in degree² (shoelace); > 0 means counter-clockwise. */
export function ringSignedArea2(ring: readonly LngLat[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as LngLat, [xj, yj] = ring[j] as LngLat;
    sum += (xj - xi) * (yj + yi);
  }
  return sum;
}
