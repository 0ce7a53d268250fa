/**
 * Length in metres of the border a small region shares with a neighbouring area. A sliver left
 * between neighbours by clipping has edges that are pieces of their edges, so an edge of the
 * sliver belongs to a neighbour when its midpoint lies on (within 5 cm of) that neighbour's border.
 */
import { partsOf, type GeoArea, type LngLat } from '../geo/types.ts';

const M_PER_DEG_LAT = 110_574;
const ON_BORDER_M = 0.05;

export function sharedBorderM(region: GeoArea, neighbour: GeoArea): number {
  const lat0 = partsOf(region)[0]?.[0]?.[0]?.[1] ?? 0;
  const kx = Math.cos((lat0 * Math.PI) / 180) * 111_320, ky = M_PER_DEG_LAT;
  const toM = ([x, y]: LngLat): [number, number] => [x * kx, y * ky];
  const segments: [number, number, number, number][] = [];
  for (const ring of partsOf(neighbour).flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = toM(ring[i - 1]!), [bx, by] = toM(ring[i]!);
      segments.push([ax, ay, bx, by]);
    }
  }
  let shared = 0;
  for (const ring of partsOf(region).flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = toM(ring[i - 1]!), [bx, by] = toM(ring[i]!);
      const mx = (ax + bx) / 2, my = (ay + by) / 2;
      if (segments.some((s) => distanceToSegment(mx, my, s) < ON_BORDER_M)) shared += Math.hypot(bx - ax, by - ay);
    }
  }
  return shared;
}

function distanceToSegment(x: number, y: number, [ax, ay, bx, by]: [number, number, number, number]): number {
  const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}
