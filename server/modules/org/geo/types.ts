/** Minimal GeoJSON shapes used by the grid code (WGS84, [lng, lat]). */
export type LngLat = [number, number];

export interface GeoPolygon {
  type: 'Polygon';
  /** rings[0] is the outer ring (counter-clockwise), further rings are holes; every ring is closed. */
  coordinates: LngLat[][];
}

/** [minLng, minLat, maxLng, maxLat] */
export type BBox = [number, number, number, number];

export function polygonBBox(polygon: GeoArea): BBox {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  // Holes lie inside their outer ring, so the outer rings alone bound the area.
  for (const part of partsOf(polygon)) {
    for (const [x, y] of part[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

export interface GeoMultiPolygon {
  type: 'MultiPolygon';
  coordinates: LngLat[][][];
}

/**
 * A boundary as stored in org_nodes.geometry: one Polygon, or a MultiPolygon when the area is
 * split (a grid on both banks of a canal, an enclave across a street). Parts never overlap.
 */
export type GeoArea = GeoPolygon | GeoMultiPolygon;

/** The polygons of an area, each as rings (outer ring first). */
export function partsOf(area: GeoArea): LngLat[][][] {
  return area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
}

/** Polygon when there is one part, MultiPolygon otherwise (so single areas stay simple). */
export function areaOf(parts: LngLat[][][]): GeoArea {
  return parts.length === 1
    ? { type: 'Polygon', coordinates: parts[0] as LngLat[][] }
    : { type: 'MultiPolygon', coordinates: parts };
}

/** Twice the signed area in degree² (shoelace); > 0 means counter-clockwise. */
export function ringSignedArea2(ring: readonly LngLat[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as LngLat,
      [xj, yj] = ring[j] as LngLat;
    sum += (xj - xi) * (yj + yi);
  }
  return sum;
}
