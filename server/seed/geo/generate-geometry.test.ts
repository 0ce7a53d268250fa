import { describe, expect, it } from 'vitest';
import { uncoveredArea, outsideParent } from '../../modules/org/geo/coverage.ts';
import { findOverlaps } from '../../modules/org/geo/overlap.ts';
import { polygonBBox, ringSignedArea2, type GeoPolygon } from '../../modules/org/geo/types.ts';
import { validateGridPolygon } from '../../modules/org/geo/validate-polygon.ts';
import { loadDistrictFixture } from './fixture.ts';
import { generateDistrictGeometry } from './generate-geometry.ts';

const fixture = loadDistrictFixture();
const geo = generateDistrictGeometry(fixture);
const communities = geo.streets.flatMap((s) => s.communities);
const grids = communities.flatMap((c) => c.grids);

/** Children tile the parent: none sticks out, none overlaps another, together they leave no gap. */
function expectTiling(parent: GeoPolygon, children: { code: string; polygon: GeoPolygon }[]): void {
  expect(uncoveredArea(parent, children).areaM2).toBe(0);
  children.forEach((child, i) => {
    expect(outsideParent(child.polygon, parent).areaM2).toBe(0);
    const later = children.slice(i + 1).map((c) => ({ id: 0, code: c.code, polygon: c.polygon }));
    expect(findOverlaps(child.polygon, later)).toEqual([]);
  });
}

describe('fixture of 姑苏区', () => {
  it('holds the 8 real streets and their 169 communities with NBS codes', () => {
    expect(fixture.district).toMatchObject({ code: '320508', name: '姑苏区', city: '苏州市', province: '江苏省' });
    expect(fixture.streets.map((s) => s.name)).toContain('平江街道');
    expect(fixture.streets).toHaveLength(8);
    expect(communities).toHaveLength(169);
    for (const s of fixture.streets) {
      expect(s.code).toMatch(/^320508\d{3}$/);
      for (const c of s.communities) {
        expect(c.code.startsWith(s.code) && c.code.length === 12).toBe(true);
        expect(c.name).toMatch(/社区$/);
      }
    }
  });
});

describe('generateDistrictGeometry', () => {
  it('is deterministic for the same fixture and seed', () => {
    expect(generateDistrictGeometry(fixture)).toEqual(geo);
    expect(generateDistrictGeometry(fixture, { seed: 7 })).not.toEqual(geo);
  });

  it('tiles the district with streets and every street with communities', () => {
    expectTiling(geo.district.polygon, geo.streets);
    for (const street of geo.streets) expectTiling(street.polygon, street.communities);
  });

  it('covers every community with grids, without gaps, overlaps or grids sticking out', () => {
    for (const community of communities) {
      expect(community.grids.length).toBeGreaterThan(0);
      expectTiling(community.polygon, community.grids);
    }
  }, 60_000);

  it('produces valid closed counter-clockwise polygons inside the district extent', () => {
    const [w, s, e, n] = fixture.district.extent;
    for (const grid of grids) {
      expect(validateGridPolygon(grid.polygon)).toEqual({ ok: true, polygon: grid.polygon });
      expect(ringSignedArea2(grid.polygon.coordinates[0] ?? [])).toBeGreaterThan(0);
      const [gw, gs, ge, gn] = polygonBBox(grid.polygon);
      expect(gw >= w && gs >= s && ge <= e && gn <= n).toBe(true);
    }
  });

  it('gives every grid 350–500 households, adding up to its community', () => {
    for (const c of communities) {
      expect(c.households).toBeGreaterThanOrEqual(1500);
      expect(c.households).toBeLessThanOrEqual(4500);
      expect(c.grids.reduce((sum, g) => sum + g.households, 0)).toBe(c.households);
      for (const g of c.grids) expect(g.households >= 350 && g.households <= 500).toBe(true);
    }
  });

  it('codes grids with the community code plus a 3-digit sequence and names them 第N网格', () => {
    for (const c of communities) {
      c.grids.forEach((g, i) => {
        expect(g.code).toMatch(/^\d{15}$/);
        expect(g.code).toBe(c.code + String(i + 1).padStart(3, '0'));
        expect(g.name).toBe(`第${i + 1}网格`);
      });
    }
  });

  it('numbers grids north→south: a later grid never lies wholly north of an earlier one', () => {
    for (const c of communities) {
      const boxes = c.grids.map((g) => polygonBBox(g.polygon));
      boxes.forEach(([, , , an], i) => {
        for (const [, bs] of boxes.slice(i + 1)) expect(bs >= an).toBe(false);
      });
      // 第1网格 is the westernmost of the first row: the grids whose centre lies within the
      // latitude span of the grid centred furthest north.
      const centres = boxes.map(([w, s, e, n]) => ({ x: (w + e) / 2, y: (s + n) / 2, s, n }));
      const top = centres.reduce((best, p) => (p.y > best.y ? p : best));
      const firstRow = centres.filter((p) => p.y >= top.s && p.y <= top.n);
      expect(centres[0]?.x).toBe(Math.min(...firstRow.map((p) => p.x)));
    }
  });

  it('honours householdsPerGrid', () => {
    const small = generateDistrictGeometry(fixture, { householdsPerGrid: [200, 300] });
    const counts = small.streets.flatMap((s) => s.communities.flatMap((c) => c.grids.map((g) => g.households)));
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...counts)).toBeLessThanOrEqual(300);
    expect(counts.length).toBeGreaterThan(grids.length);
  });
});
