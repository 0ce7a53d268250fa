/**
 * Estates/lanes, buildings and houses inside one grid, adding up to the grid's households.
 * Called for every grid at first start (~1,200 grids, ~500,000 houses), so it stays allocation-light:
 * no turf, one small point-in-polygon helper, plain objects.
 */
import type { GeoPolygon, LngLat } from '../../modules/org/geo/types.ts';
import { polygonBBox } from '../../modules/org/geo/types.ts';
import { createRng, hashSeed, type Rng } from './prng.ts';
import { ESTATE_STEMS, ESTATE_SUFFIXES, LANES } from './suzhou-names.ts';

export interface HouseSeed {
  room: string;
  unit: number;
  floor: number;
}
export interface BuildingSeed {
  name: string;
  floors: number;
  units: number;
  location: LngLat;
  houses: HouseSeed[];
}
/** kind 'estate' = 小区 (gated, numbered 幢), 'lane' = 街巷 (door numbers 号). */
export interface EstateSeed {
  name: string;
  kind: 'estate' | 'lane';
  buildings: BuildingSeed[];
}
export interface GridContents {
  estates: EstateSeed[];
}

/** Even-odd test; rings are short (a handful of vertices) so a plain loop is fastest. */
function inside(polygon: GeoPolygon, x: number, y: number): boolean {
  let c = false;
  for (const ring of polygon.coordinates) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as LngLat,
        [xj, yj] = ring[j] as LngLat;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
  }
  return c;
}

/** A random point of the polygon near `anchor` (≈ ±60 m), falling back to the anchor itself. */
function pointNear(polygon: GeoPolygon, anchor: LngLat, rng: Rng, spread: number): LngLat {
  for (let t = 0; t < 20; t++) {
    const x = anchor[0] + (rng.next() * 2 - 1) * spread,
      y = anchor[1] + (rng.next() * 2 - 1) * spread;
    if (inside(polygon, x, y)) return [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];
  }
  return anchor;
}

function anchorPoint(polygon: GeoPolygon, rng: Rng): LngLat {
  const [w, s, e, n] = polygonBBox(polygon);
  for (let t = 0; t < 50; t++) {
    const x = w + rng.next() * (e - w),
      y = s + rng.next() * (n - s);
    if (inside(polygon, x, y)) return [x, y];
  }
  throw new Error('网格多边形过于狭长，无法放置楼栋');
}

export function generateGridContents(
  grid: { code: string; polygon: GeoPolygon; households: number },
  seed: number | string = 0,
): GridContents {
  const rng = createRng(hashSeed(seed, grid.code));
  const estates: EstateSeed[] = [];
  const used = new Set<string>();
  let left = grid.households;
  const estateCount = Math.max(1, Math.min(rng.int(2, 4), Math.ceil(left / 60)));
  for (let ei = 0; ei < estateCount && left > 0; ei++) {
    const kind = rng.next() < 0.55 ? 'estate' : 'lane';
    let name = '';
    for (let t = 0; t < 10 && (name === '' || used.has(name)); t++) {
      name = kind === 'lane' ? rng.pick(LANES) : rng.pick(ESTATE_STEMS) + rng.pick(ESTATE_SUFFIXES);
    }
    used.add(name);
    // The last estate takes whatever is left so the grid's total is exact.
    let quota = ei === estateCount - 1 ? left : Math.round((left / (estateCount - ei)) * (0.7 + rng.next() * 0.6));
    quota = Math.min(left, Math.max(1, quota));
    left -= quota;
    const anchor = anchorPoint(grid.polygon, rng);
    const buildings: BuildingSeed[] = [];
    for (let bi = 0, door = 0; quota > 0; bi++) {
      // Old town: walk-ups of 3–7 floors; lanes are single-stair houses with up to 4 rooms a floor.
      const floors = rng.int(3, 7);
      const units = kind === 'lane' ? 1 : rng.int(1, 3);
      const perFloor = kind === 'lane' ? rng.int(1, 4) : 2;
      door += rng.int(1, 6);
      const houses: HouseSeed[] = [];
      for (let u = 1; u <= units && quota > 0; u++) {
        for (let f = 1; f <= floors && quota > 0; f++) {
          for (let r = 1; r <= perFloor && quota > 0; r++, quota--) {
            houses.push({ room: `${u}-${f}${r < 10 ? '0' : ''}${r}`, unit: u, floor: f });
          }
        }
      }
      buildings.push({
        name: kind === 'lane' ? `${name}${door}号` : `${bi + 1}幢`,
        floors,
        units,
        location: pointNear(grid.polygon, anchor, rng, 0.0006),
        houses,
      });
    }
    estates.push({ name, kind, buildings });
  }
  return { estates };
}
