/**
 * Point → grid lookup throughput: `npx tsx bench/grid-lookup.ts`
 *
 * Two districts: a synthetic one of exactly 600 grids (100 communities × 6 grids) and the demo
 * 姑苏区 (1,220 grids), both tiled by the seed generator, each timed twice: with the generator's
 * rectangles (5–10 vertices) and with street-following boundaries of ~120–350 vertices per grid
 * (lib/street-boundaries.ts: shared edges subdivided and jittered identically on both sides), as
 * real grids drawn along streets and walls have. 1,000,000 uniform random points in the district
 * extent, for GridLocator; a plain scan over all polygons (turf) and a per-point flatbush.search +
 * turf run on samples and are scaled to points/s. The naive scan is the baseline of each run.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import { GridLocator, type LocatorGrid } from '../server/modules/org/geo/grid-locator.ts';
import { partsOf, polygonBBox } from '../server/modules/org/geo/types.ts';
import { loadDistrictFixture, type DistrictFixture } from '../server/seed/geo/fixture.ts';
import { generateDistrictGeometry, type GeometryOptions } from '../server/seed/geo/generate-geometry.ts';
import { createRng } from '../server/seed/geo/prng.ts';
import { streetFollowing } from './lib/street-boundaries.ts';

const POINTS = 1_000_000,
  NAIVE_SAMPLE = 5_000,
  FLATBUSH_SAMPLE = 200_000;
const gusu = loadDistrictFixture();

function synthetic600(): DistrictFixture {
  // 5 streets × 20 communities of 2,700 households → 6 grids of 450 each = 600 grids.
  const streets = Array.from({ length: 5 }, (_, s) => {
    const code = `320508${String(s + 1).padStart(3, '0')}`;
    return {
      code,
      name: `街道${s + 1}`,
      communities: Array.from({ length: 20 }, (_, c) => ({
        code: code + String(c + 1).padStart(3, '0'),
        name: `社区${c + 1}`,
      })),
    };
  });
  return { ...gusu, streets };
}

function run(
  label: string,
  fixture: DistrictFixture,
  opts: GeometryOptions,
  boundaries: 'rectangles' | 'street-following',
): void {
  const tiled: LocatorGrid[] = generateDistrictGeometry(fixture, opts)
    .streets.flatMap((s) => s.communities.flatMap((c) => c.grids))
    .map((g, i) => ({ id: i + 1, code: g.code, polygon: g.polygon }));
  // ~230 vertices on the median grid: one piece per 1/230 of the median perimeter.
  const grids = boundaries === 'rectangles' ? tiled : streetFollowing(tiled, typicalPerimeter(tiled) / 230).grids;
  const vertices = grids.map((g) => g.polygon.coordinates.reduce((t, r) => t + r.length, 0)).sort((a, b) => a - b);
  const [w, s, e, n] = fixture.district.extent;
  const rng = createRng(42);
  const pts = new Float64Array(POINTS * 2);
  for (let i = 0; i < POINTS; i++) {
    pts[2 * i] = w + rng.next() * (e - w);
    pts[2 * i + 1] = s + rng.next() * (n - s);
  }

  let t = performance.now();
  const locator = GridLocator.build(grids);
  const buildMs = performance.now() - t;
  for (let i = 0; i < 200_000; i++) locator.locate(pts[2 * i] as number, pts[2 * i + 1] as number); // warm-up
  let hits = 0;
  t = performance.now();
  for (let i = 0; i < POINTS; i++) if (locator.locate(pts[2 * i] as number, pts[2 * i + 1] as number)) hits++;
  const locatorRate = POINTS / ((performance.now() - t) / 1000);

  // Plain scan: every polygon, turf, boundary included, smallest code wins.
  const byCode = [...grids].sort((a, b) => a.code.localeCompare(b.code));
  const naive = (x: number, y: number) => byCode.find((g) => booleanPointInPolygon([x, y], g.polygon)) ?? null;
  let mismatches = 0;
  t = performance.now();
  for (let i = 0; i < NAIVE_SAMPLE; i++) {
    const x = pts[2 * i] as number,
      y = pts[2 * i + 1] as number;
    if (naive(x, y)?.id !== locator.locate(x, y)?.id) mismatches++;
  }
  const naiveRate = NAIVE_SAMPLE / ((performance.now() - t) / 1000);

  // The textbook approach: flatbush.search per point, turf on each candidate.
  const index = new Flatbush(byCode.length);
  for (const g of byCode) {
    const [a, b, c, d] = polygonBBox(g.polygon);
    index.add(a, b, c, d);
  }
  index.finish();
  t = performance.now();
  for (let i = 0; i < FLATBUSH_SAMPLE; i++) {
    const x = pts[2 * i] as number,
      y = pts[2 * i + 1] as number;
    const found = index.search(x, y, x, y).sort((a, b) => a - b);
    found.find((k) => booleanPointInPolygon([x, y], (byCode[k] as LocatorGrid).polygon));
  }
  const flatbushRate = FLATBUSH_SAMPLE / ((performance.now() - t) / 1000);

  const fmt = (v: number) => Math.round(v).toLocaleString('en-US');
  console.log(
    `\n${label}, ${boundaries}: ${grids.length} grids, ${fmt(POINTS)} random points in the extent (${fmt(hits)} inside a grid)`,
  );
  console.log(
    `  vertices per grid           min ${vertices[0]} · median ${vertices[vertices.length >> 1]} · p95 ${vertices[Math.floor(vertices.length * 0.95)]} · max ${vertices.at(-1)}`,
  );
  console.log(`  GridLocator.build           ${buildMs.toFixed(1)} ms`);
  console.log(`  GridLocator.locate          ${fmt(locatorRate)} points/s`);
  console.log(`  flatbush.search + turf      ${fmt(flatbushRate)} points/s  (sample of ${fmt(FLATBUSH_SAMPLE)})`);
  console.log(`  naive scan (turf, all)      ${fmt(naiveRate)} points/s  (sample of ${fmt(NAIVE_SAMPLE)})`);
  console.log(`  ratio locator / naive       ${(locatorRate / naiveRate).toFixed(0)}×`);
  console.log(`  disagreements with naive    ${mismatches} of ${fmt(NAIVE_SAMPLE)}`);
  console.log(`  target ≥ 1,000,000 points/s ${locatorRate >= 1_000_000 ? 'met' : 'NOT MET'}`);
}

function typicalPerimeter(grids: readonly LocatorGrid[]): number {
  const perimeters = grids
    .map((g) => {
      const r = partsOf(g.polygon)[0]![0]!;
      let p = 0;
      for (let i = 1; i < r.length; i++) p += Math.hypot(r[i]![0] - r[i - 1]![0], r[i]![1] - r[i - 1]![1]);
      return p;
    })
    .sort((a, b) => a - b);
  return perimeters[perimeters.length >> 1]!;
}

for (const boundaries of ['rectangles', 'street-following'] as const) {
  run('synthetic district', synthetic600(), { communityHouseholds: [2700, 2700] }, boundaries);
  run('姑苏区 demo district', gusu, {}, boundaries);
}
