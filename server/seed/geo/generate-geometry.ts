/**
 * Plausible, deterministic boundaries for the demo district: the district's extent is tiled into
 * streets, each street into communities, each community into grids of 350–500 households.
 * Real boundaries are not public, so sizes follow household counts and cuts are jittered.
 */
import type { GeoPolygon } from '../../modules/org/geo/types.ts';
import type { DistrictFixture } from './fixture.ts';
import { gridCount, splitHouseholds, type Range } from './households.ts';
import { readingOrder } from './grid-order.ts';
import { RingNoder } from './node-rings.ts';
import { createRng, hashSeed } from './prng.ts';
import { splitRect, type Rect } from './rect-split.ts';

export { generateGridContents } from './grid-contents.ts';
export type { GridContents, EstateSeed, BuildingSeed, HouseSeed } from './grid-contents.ts';

export interface GeometryOptions {
  /** households per grid; default [350, 500] ("规模适度") */
  householdsPerGrid?: Range;
  /** households per community; default [1500, 4500] */
  communityHouseholds?: Range;
  /** changes every boundary and count; default 0 */
  seed?: number;
}

export interface GridGeometry {
  code: string;
  name: string;
  polygon: GeoPolygon;
  households: number;
}
export interface CommunityGeometry {
  code: string;
  name: string;
  polygon: GeoPolygon;
  households: number;
  grids: GridGeometry[];
}
export interface StreetGeometry {
  code: string;
  name: string;
  polygon: GeoPolygon;
  communities: CommunityGeometry[];
}
export interface DistrictGeometry {
  district: { code: string; name: string; polygon: GeoPolygon };
  streets: StreetGeometry[];
}

export function generateDistrictGeometry(fixture: DistrictFixture, opts: GeometryOptions = {}): DistrictGeometry {
  const perGrid = opts.householdsPerGrid ?? [350, 500];
  const perCommunity = opts.communityHouseholds ?? [1500, 4500];
  const seed = opts.seed ?? 0;

  // Each community draws from its own stream (seeded by its code), so adding a street to the
  // fixture does not reshuffle the households of every other community.
  const plans = fixture.streets.map((street) =>
    street.communities.map((c) => {
      const rng = createRng(hashSeed(seed, c.code));
      const households = rng.int(perCommunity[0], perCommunity[1]);
      const counts = splitHouseholds(households, gridCount(households, perGrid), perGrid, rng);
      return { ...c, rng, households, counts };
    }),
  );

  const [w, s, e, n] = fixture.district.extent;
  const districtRect: Rect = { w, s, e, n };
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const streetRects = splitRect(
    districtRect,
    plans.map((cs) => sum(cs.map((c) => c.households))),
    createRng(hashSeed(seed, fixture.district.code)),
  );

  const tree = fixture.streets.map((street, si) => {
    const comms = plans[si] ?? [];
    const communityRects = splitRect(
      streetRects[si] as Rect,
      comms.map((c) => c.households),
      createRng(hashSeed(seed, street.code)),
    );
    return {
      street,
      rect: streetRects[si] as Rect,
      communities: comms.map((c, ci) => {
        const rects = splitRect(communityRects[ci] as Rect, c.counts, c.rng);
        const order = readingOrder(rects.map((r) => ({ s: r.s, n: r.n, cx: (r.w + r.e) / 2, cy: (r.s + r.n) / 2 })));
        const grids = order.map((i) => ({ rect: rects[i] as Rect, households: c.counts[i] as number }));
        return { c, rect: communityRects[ci] as Rect, grids };
      }),
    };
  });

  const noder = new RingNoder(tree.flatMap((t) => t.communities.flatMap((c) => c.grids.map((g) => g.rect))));
  return {
    district: { code: fixture.district.code, name: fixture.district.name, polygon: noder.polygon(districtRect) },
    streets: tree.map(({ street, rect, communities }) => ({
      code: street.code,
      name: street.name,
      polygon: noder.polygon(rect),
      communities: communities.map(({ c, rect: cRect, grids }) => ({
        code: c.code,
        name: c.name,
        polygon: noder.polygon(cRect),
        households: c.households,
        grids: grids.map((g, i) => ({
          // GB/T 30428.1 style: the unit grid code extends the 12-digit community code.
          code: c.code + String(i + 1).padStart(3, '0'),
          name: `第${i + 1}网格`,
          polygon: noder.polygon(g.rect),
          households: g.households,
        })),
      })),
    })),
  };
}
