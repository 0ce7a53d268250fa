/**
 * Length in metres of the border a small region shares with a neighbouring area. A sliver left
 * between neighbours by clipping has edges along their edges (one sliver edge may run along
 * several neighbours), so the shared length is summed over collinear pieces (within 5 cm).
 */
import { partsOf, type GeoArea, type LngLat } from '../geo/types.ts';

const M_PER_DEG_LAT = 110_574;
const ON_BORDER_M = 0.05;

export function sharedBorderM(region: GeoArea, neighbour: GeoArea): number {
  const lat0 = partsOf(region)[0]?.[0]?.[0]?.[1] ?? 0;
  const kx = Math.cos((lat0 * Math.PI) / 180) * 111_320,
    ky = M_PER_DEG_LAT;
  const toM = ([x, y]: LngLat): [number, number] => [x * kx, y * ky];
  const segments: [number, number, number, number][] = [];
  for (const ring of partsOf(neighbour).flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = toM(ring[i - 1]!),
        [bx, by] = toM(ring[i]!);
      segments.push([ax, ay, bx, by]);
    }
  }
  let shared = 0;
  for (const ring of partsOf(region).flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = toM(ring[i - 1]!),
        [bx, by] = toM(ring[i]!);
      for (const seg of segments) shared += collinearOverlap(ax, ay, bx, by, seg);
    }
  }
  return shared;
}

/** Length of the part of edge a→b that segment s runs along (both ends of s on the line of a→b). */
function collinearOverlap(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  [cx, cy, dx, dy]: [number, number, number, number],
): number {
  const ux = bx - ax,
    uy = by - ay,
    len = Math.hypot(ux, uy);
  if (len === 0) return 0;
  const off = (x: number, y: number) => Math.abs((x - ax) * uy - (y - ay) * ux) / len;
  if (off(cx, cy) > ON_BORDER_M || off(dx, dy) > ON_BORDER_M) return 0;
  const t = (x: number, y: number) => ((x - ax) * ux + (y - ay) * uy) / (len * len);
  const t1 = t(cx, cy),
    t2 = t(dx, dy);
  const from = Math.max(0, Math.min(t1, t2)),
    to = Math.min(1, Math.max(t1, t2));
  return to > from ? (to - from) * len : 0;
}
