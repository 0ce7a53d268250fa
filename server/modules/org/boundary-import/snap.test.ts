import { area } from '@turf/area';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { GeoArea, GeoPolygon } from '../geo/types.ts';
import { snapBoundaries, type SnapItem } from './snap.ts';

// Rectangles given in metres east/north of a point in 姑苏区, so areas read as m².
const LNG0 = 120.6,
  LAT0 = 31.3;
// turf's area uses a sphere of radius 6371008.8 m: one degree is 111,195 m along a meridian.
const DX = 1 / (111_195 * Math.cos((LAT0 * Math.PI) / 180)),
  DY = 1 / 111_195;
const at = (x: number, y: number): [number, number] => [LNG0 + x * DX, LAT0 + y * DY];
const rect = (w: number, s: number, e: number, n: number): GeoPolygon => ({
  type: 'Polygon',
  coordinates: [[at(w, s), at(e, s), at(e, n), at(w, n), at(w, s)]],
});
const m2 = (g: GeoArea | null) => (g ? area(g as never) : 0);
const item = (label: string, geometry: GeoArea, imported = true): SnapItem => ({ label, geometry, imported });

describe('snapBoundaries', () => {
  it('cuts an overlap of about 100 m² from the later neighbour and reports it', () => {
    const { outcomes, warnings } = snapBoundaries(
      [item('A', rect(0, 0, 100, 100)), item('B', rect(99, 0, 200, 100))],
      { label: '社区', geometry: null },
      500,
    );
    expect(outcomes[0]!.cutM2).toBe(0);
    expect(outcomes[1]!.cutM2).toBeCloseTo(100, -1);
    expect(outcomes[1]!.messages[0]).toMatch(/^与A重叠 (99|100|101) 平方米，已从本边界裁去$/);
    expect(m2(outcomes[1]!.geometry)).toBeCloseTo(10_000, -1);
    expect(outcomes.every((o) => o.errors.length === 0)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('cuts from the imported boundary, never from an existing neighbour', () => {
    const { outcomes } = snapBoundaries(
      [item('新', rect(0, 0, 100, 100)), item('旧', rect(99, 0, 200, 100), false)],
      { label: '社区', geometry: null },
      500,
    );
    expect(outcomes[1]!.geometry).toEqual(rect(99, 0, 200, 100));
    expect(outcomes[0]!.cutM2).toBeCloseTo(100, -1);
    expect(booleanPointInPolygon(at(99.5, 50), outcomes[0]!.geometry as never)).toBe(false);
  });

  it('gives a gap of about 300 m² to the neighbour sharing the longest border', () => {
    const items = [
      item('南', rect(0, 0, 100, 60)),
      item('北', rect(0, 60, 100, 100)),
      item('东', rect(103, 0, 200, 100)),
    ];
    const { outcomes, warnings } = snapBoundaries(items, { label: '社区"样例"', geometry: rect(0, 0, 200, 100) }, 500);
    expect(warnings).toEqual([]);
    expect(outcomes[2]!.filledM2).toBeCloseTo(300, -1);
    expect(outcomes[2]!.messages).toEqual([expect.stringMatching(/^补入与相邻边界之间的缝隙 (299|300|301) 平方米$/)]);
    expect(outcomes[0]!.filledM2 + outcomes[1]!.filledM2).toBe(0);
    expect(booleanPointInPolygon(at(101.5, 50), outcomes[2]!.geometry as never)).toBe(true);
    expect(m2(outcomes[2]!.geometry)).toBeCloseTo(10_000, -1);
  });

  it('refuses an overlap of 5,000 m² as an error naming the neighbour', () => {
    const { outcomes } = snapBoundaries(
      [item('网格"甲"', rect(0, 0, 100, 100)), item('网格"乙"', rect(50, 0, 150, 100))],
      { label: '社区', geometry: null },
      500,
    );
    expect(outcomes[1]!.errors).toEqual([
      expect.stringMatching(/^与网格"甲"重叠约 50\d\d 平方米（超过容差 500 平方米）$/),
    ]);
    expect(outcomes[1]!.cutM2).toBe(0);
  });

  it('trims a sliver outside the parent and refuses a large overreach; reports a large gap without filling it', () => {
    const parent = { label: '社区"样例"', geometry: rect(0, 0, 200, 100) };
    const { outcomes, warnings } = snapBoundaries(
      [item('A', rect(0, 0, 100, 102)), item('B', rect(150, 0, 260, 100))],
      parent,
      500,
    );
    expect(outcomes[0]!.messages[0]).toMatch(/^超出社区"样例"边界 (199|200|201) 平方米，已裁去$/);
    expect(outcomes[1]!.errors[0]).toMatch(/^超出社区"样例"边界约 6000 平方米/);
    expect(warnings).toEqual([expect.stringMatching(/^社区"样例"内有约 5000 平方米未被覆盖/)]);
  });
});
