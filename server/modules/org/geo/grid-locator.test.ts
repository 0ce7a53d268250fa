import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDistrictFixture } from '../../../seed/geo/fixture.ts';
import { generateDistrictGeometry } from '../../../seed/geo/generate-geometry.ts';
import { GridLocator, type LocatorGrid } from './grid-locator.ts';
import { partsOf, polygonBBox, type GeoPolygon, type LngLat } from './types.ts';

const fixture = loadDistrictFixture();
const grids: LocatorGrid[] = generateDistrictGeometry(fixture)
  .streets.flatMap((s) => s.communities.flatMap((c) => c.grids))
  .map((g, i) => ({ id: 1000 + i, code: g.code, polygon: g.polygon }));
const locator = GridLocator.build(grids);
const boxes = new Map(grids.map((g) => [g, polygonBBox(g.polygon)]));

/** Reference answer: every grid, turf with boundary included, smallest code wins. */
function naive(list: LocatorGrid[], lng: number, lat: number): { id: number; code: string } | null {
  let best: LocatorGrid | null = null;
  for (const g of list) {
    const [w, s, e, n] = boxes.get(g) ?? polygonBBox(g.polygon); // inclusive box: only skips misses
    if (lng < w || lng > e || lat < s || lat > n) continue;
    if ((best === null || g.code < best.code) && booleanPointInPolygon([lng, lat], g.polygon)) best = g;
  }
  return best && { id: best.id, code: best.code };
}

const rect = (w: number, s: number, e: number, n: number): GeoPolygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe('GridLocator', () => {
  it('agrees with a naive scan over all grids on 10,000 random points', () => {
    const [w, s, e, n] = fixture.district.extent;
    fc.assert(
      fc.property(
        fc.double({ min: w - 0.01, max: e + 0.01, noNaN: true }),
        fc.double({ min: s - 0.01, max: n + 0.01, noNaN: true }),
        (lng, lat) => {
          expect(locator.locate(lng, lat)).toEqual(naive(grids, lng, lat));
        },
      ),
      { numRuns: 10_000, seed: 20230630 },
    );
  });

  it('resolves every vertex and edge midpoint of the district to the smallest code containing it', () => {
    const probes: LngLat[] = [];
    for (const g of grids.slice(0, 300)) {
      const ring = partsOf(g.polygon)[0]?.[0] ?? [];
      ring.forEach((p, i) => {
        const q = ring[i + 1];
        probes.push(p);
        if (q) probes.push([(p[0] + q[0]) / 2, (p[1] + q[1]) / 2]);
      });
    }
    for (const [lng, lat] of probes) expect(locator.locate(lng, lat)).toEqual(naive(grids, lng, lat));
  });

  it('gives a point on a shared edge to the grid with the smaller code', () => {
    const l = GridLocator.build([
      { id: 2, code: '320508018014002', polygon: rect(1, 0, 2, 1) },
      { id: 1, code: '320508018014001', polygon: rect(0, 0, 1, 1) },
    ]);
    expect(l.locate(1, 0.5)).toEqual({ id: 1, code: '320508018014001' });
    expect(l.locate(1.5, 0.5)?.id).toBe(2);
  });

  it('gives a vertex shared by four grids to the smallest code, whatever the input order', () => {
    const four = [
      { id: 4, code: 'D', polygon: rect(1, 0, 2, 1) },
      { id: 3, code: 'C', polygon: rect(0, 0, 1, 1) },
      { id: 2, code: 'B', polygon: rect(1, 1, 2, 2) },
      { id: 1, code: 'A', polygon: rect(0, 1, 1, 2) },
    ];
    for (const order of [four, [...four].reverse()]) expect(GridLocator.build(order).locate(1, 1)?.code).toBe('A');
    // a T-junction: the vertex of C and D lies on A's edge
    const t = GridLocator.build([
      { id: 1, code: 'B', polygon: rect(0, 1, 2, 2) },
      { id: 2, code: 'C', polygon: rect(0, 0, 1, 1) },
      { id: 3, code: 'A', polygon: rect(1, 0, 2, 1) },
    ]);
    expect(t.locate(1, 1)?.code).toBe('A');
    expect(t.locate(0.5, 1)?.code).toBe('B');
  });

  it('returns null outside every grid, in holes and for non-numbers', () => {
    const donut: GeoPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [1, 3],
          [3, 3],
          [3, 1],
          [1, 1],
        ],
      ],
    };
    const l = GridLocator.build([{ id: 1, code: 'A', polygon: donut }]);
    expect(l.locate(2, 2)).toBeNull();
    expect(l.locate(1, 2)?.code).toBe('A'); // the hole's edge belongs to the grid
    expect(l.locate(5, 2)).toBeNull();
    expect(l.locate(Number.NaN, 2)).toBeNull();
    expect(locator.locate(121.5, 31.2)).toBeNull(); // 上海, outside 姑苏区
    expect(GridLocator.build([]).locate(0, 0)).toBeNull();
  });

  it('matches turf on irregular polygons (diagonal edges, concave shapes)', () => {
    const star: GeoPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 1],
          [6, 0],
          [5, 3],
          [6, 6],
          [3, 4],
          [0, 6],
          [1, 3],
          [0, 0],
        ],
      ],
    };
    const tri: GeoPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [6, 0],
          [9, 3],
          [5, 3],
          [6, 0],
        ],
      ],
    };
    const list = [
      { id: 1, code: 'S', polygon: star },
      { id: 2, code: 'T', polygon: tri },
    ];
    const l = GridLocator.build(list);
    fc.assert(
      fc.property(fc.double({ min: -1, max: 10, noNaN: true }), fc.double({ min: -1, max: 7, noNaN: true }), (x, y) => {
        expect(l.locate(x, y)).toEqual(naive(list, x, y));
      }),
      { numRuns: 5000, seed: 7 },
    );
    for (const [x, y] of [
      [3, 1],
      [6, 0],
      [1.5, 0.5],
      [5, 3],
      [7, 3],
      [5.5, 1.5],
    ] as LngLat[]) {
      expect(l.locate(x, y)).toEqual(naive(list, x, y));
    }
  });

  it('returns the same object for repeated hits (no allocation per lookup)', () => {
    const [lng, lat] = fixture.district.center;
    expect(locator.locate(lng, lat)).toBe(locator.locate(lng, lat));
  });
});

describe('boundaries with hundreds of vertices (edge bands)', () => {
  // A wobbly ring of 300 vertices with a wobbly hole: many edges share each band, some span several.
  const ring = (cx: number, cy: number, r: number, n: number, wobble: number, clockwise: boolean): LngLat[] => {
    const pts: LngLat[] = [];
    for (let i = 0; i < n; i++) {
      const a = ((clockwise ? -1 : 1) * 2 * Math.PI * i) / n;
      const rr = r * (1 + wobble * Math.sin(7 * a) + 0.5 * wobble * Math.cos(23 * a));
      pts.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
    }
    return [...pts, pts[0]!];
  };
  const shape: LocatorGrid = {
    id: 1,
    code: '320508001001001',
    polygon: {
      type: 'Polygon',
      coordinates: [ring(120.6, 31.3, 0.01, 300, 0.2, false), ring(120.6, 31.3, 0.004, 120, 0.3, true)],
    },
  };
  const single = GridLocator.build([shape]);

  it('agrees with turf on random points, vertices and edge midpoints', () => {
    const probes: LngLat[] = [];
    for (let i = 0; i < 20_000; i++) probes.push([120.585 + Math.random() * 0.03, 31.285 + Math.random() * 0.03]);
    for (const r of partsOf(shape.polygon)[0]!)
      for (let i = 1; i < r.length; i++)
        probes.push(r[i]!, [(r[i]![0] + r[i - 1]![0]) / 2, (r[i]![1] + r[i - 1]![1]) / 2]);
    const wrong = probes.filter(
      ([x, y]) => (single.locate(x, y) !== null) !== booleanPointInPolygon([x, y], shape.polygon),
    );
    expect(wrong).toEqual([]);
  });
});
