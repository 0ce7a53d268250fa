import type { LocatorGrid } from '../../server/modules/org/geo/grid-locator.ts';
import { partsOf, type LngLat } from '../../server/modules/org/geo/types.ts';
import { createRng, hashSeed } from '../../server/seed/geo/prng.ts';

/**
 * Turns the seed's rectangular grids into boundaries that wander like streets and courtyard walls:
 * every ring segment is cut into pieces (about one per `step` degrees) whose inner vertices are
 * pushed sideways by a tapered random walk. A segment is generated once from its two endpoints in a
 * fixed order, so the two grids sharing it get the very same vertices: the tiling keeps no gaps
 * and no overlaps. Returns the grids and their vertex counts.
 */
export function streetFollowing(
  grids: readonly LocatorGrid[],
  step: number,
): { grids: LocatorGrid[]; vertices: number[] } {
  const cache = new Map<string, LngLat[]>();
  const segment = (p: LngLat, q: LngLat): LngLat[] => {
    const forward = p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]);
    const [a, b] = forward ? [p, q] : [q, p];
    const key = `${a[0]},${a[1]},${b[0]},${b[1]}`;
    let inner = cache.get(key);
    if (!inner) {
      inner = wander(a, b, step, hashSeed(key));
      cache.set(key, inner);
    }
    return forward ? inner : [...inner].reverse();
  };
  const out = grids.map((g) => ({
    ...g,
    polygon: {
      type: 'Polygon' as const,
      // Bench grids are single polygons (generated rectangles, jittered).
      coordinates: partsOf(g.polygon)[0]!.map((ring) => {
        const next: LngLat[] = [];
        for (let i = 0; i + 1 < ring.length; i++) next.push(ring[i]!, ...segment(ring[i]!, ring[i + 1]!));
        next.push(ring[ring.length - 1]!);
        return next;
      }),
    },
  }));
  return { grids: out, vertices: out.map((g) => g.polygon.coordinates.reduce((s, r) => s + r.length, 0)) };
}

/** Inner vertices from a to b: sideways offsets of at most ~3 % of the length, zero at both ends. */
function wander(a: LngLat, b: LngLat, step: number, seed: number): LngLat[] {
  const rng = createRng(seed);
  const dx = b[0] - a[0],
    dy = b[1] - a[1],
    len = Math.hypot(dx, dy);
  const pieces = Math.max(1, Math.round((len / step) * (0.7 + 0.6 * rng.next())));
  const nx = -dy / len,
    ny = dx / len;
  const points: LngLat[] = [];
  let walk = 0;
  for (let j = 1; j < pieces; j++) {
    const t = j / pieces;
    walk = 0.8 * walk + (rng.next() - 0.5) * 0.02 * len;
    const off = walk * Math.sin(Math.PI * t);
    points.push([a[0] + t * dx + off * nx, a[1] + t * dy + off * ny]);
  }
  return points;
}
