import { describe, expect, it } from 'vitest';
import { validateGridPolygon } from './validate-polygon.ts';

// ~110 m × 110 m square in 姑苏区, counter-clockwise
const square = [
  [120.62, 31.31],
  [120.621, 31.31],
  [120.621, 31.311],
  [120.62, 31.311],
  [120.62, 31.31],
];
const poly = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });
const errorsOf = (input: unknown) => {
  const r = validateGridPolygon(input);
  if (r.ok) throw new Error('expected a rejection');
  return r.errors;
};

describe('validateGridPolygon', () => {
  it('accepts a polygon and a Feature wrapping one', () => {
    expect(validateGridPolygon(poly(square))).toEqual({ ok: true, polygon: poly(square) });
    expect(validateGridPolygon({ type: 'Feature', properties: {}, geometry: poly(square) }).ok).toBe(true);
  });

  it('normalises: clockwise outer ring reversed, repeated points and altitude dropped', () => {
    const cw = [...square].reverse().map(([x, y]) => [x, y, 12]);
    cw.splice(2, 0, cw[1] as number[]);
    expect(validateGridPolygon(poly(cw))).toEqual({ ok: true, polygon: poly(square) });
  });

  it('rejects what is not GeoJSON', () => {
    for (const input of [null, 'POLYGON((0 0, 1 1))', 42, [], {}]) {
      expect(errorsOf(input)).toEqual([{ path: 'geometry', message: '不是有效的 GeoJSON 几何对象（缺少 type 字段）' }]);
    }
  });

  it('rejects other geometry types and says which one was given', () => {
    expect(errorsOf({ type: 'LineString', coordinates: square })).toEqual([
      { path: 'geometry.type', message: '几何类型必须是 Polygon 或 MultiPolygon，收到的是 LineString' },
    ]);
    expect(errorsOf({ type: 'Point', coordinates: [120.62, 31.31] })[0]?.message).toBe(
      '几何类型必须是 Polygon 或 MultiPolygon，收到的是 Point',
    );
  });

  it('rejects missing or empty coordinates', () => {
    expect(errorsOf({ type: 'Polygon' })).toEqual([
      { path: 'geometry.coordinates', message: '坐标必须是由线性环组成的非空数组' },
    ]);
    expect(errorsOf(poly())[0]?.path).toBe('geometry.coordinates');
  });

  it('rejects a ring with fewer than 4 positions', () => {
    expect(
      errorsOf(
        poly([
          [120.62, 31.31],
          [120.621, 31.31],
          [120.62, 31.31],
        ]),
      ),
    ).toEqual([
      { path: 'geometry.coordinates[0]', message: '线性环至少需要 4 个坐标（含与首点相同的末点），收到 3 个' },
    ]);
  });

  it('rejects an unclosed ring', () => {
    expect(errorsOf(poly(square.slice(0, 4).concat([[120.62, 31.3105]])))).toEqual([
      { path: 'geometry.coordinates[0]', message: '多边形首尾坐标必须相同（环未闭合）' },
    ]);
  });

  it('rejects positions that are not pairs of finite numbers, naming each one', () => {
    const bad = square.map((p) => [...p]) as unknown[];
    bad[1] = ['120.621', 31.31];
    bad[2] = [120.621];
    bad[3] = [NaN, 31.311];
    expect(errorsOf(poly(bad)).map((e) => e.path)).toEqual([1, 2, 3].map((i) => `geometry.coordinates[0][${i}]`));
    expect(errorsOf(poly(bad))[0]?.message).toBe('坐标必须是 [经度, 纬度] 形式的数值数组');
  });

  it('rejects coordinates outside WGS84 and hints at swapped latitude/longitude', () => {
    const outOfRange = square.map(([x, y]) => [x, y]);
    outOfRange[1] = [181, 31.31];
    expect(errorsOf(poly(outOfRange))).toEqual([
      { path: 'geometry.coordinates[0][1]', message: '经度必须在 -180 到 180 之间，收到 181' },
    ]);
    const swapped = square.map(([x, y]) => [y, x]);
    expect(errorsOf(poly(swapped))[0]).toEqual({
      path: 'geometry.coordinates[0][0]',
      message: '纬度必须在 -90 到 90 之间，收到 120.62（疑似经纬度顺序颠倒，应为 [经度, 纬度]）',
    });
  });

  it('rejects a self-intersecting (bow-tie) ring and says where it crosses', () => {
    const bowTie = [
      [120.62, 31.31],
      [120.622, 31.312],
      [120.622, 31.31],
      [120.62, 31.312],
      [120.62, 31.31],
    ];
    expect(errorsOf(poly(bowTie))).toEqual([
      { path: 'geometry.coordinates', message: '多边形自相交：边在 [120.621, 31.311] 处交叉或重叠' },
    ]);
  });

  it('rejects a polygon of zero area', () => {
    const flat = [
      [120.62, 31.31],
      [120.621, 31.31],
      [120.622, 31.31],
      [120.62, 31.31],
    ];
    expect(errorsOf(poly(flat))).toEqual([
      { path: 'geometry.coordinates', message: '多边形面积为零（坐标共线或重合）' },
    ]);
    const samePoint = [
      [120.62, 31.31],
      [120.62, 31.31],
      [120.62, 31.31],
      [120.62, 31.31],
    ];
    expect(errorsOf(poly(samePoint))[0]?.message).toMatch(/^多边形面积为零/);
  });

  it('rejects a hole outside its outer ring', () => {
    const hole = [
      [120.63, 31.32],
      [120.6301, 31.3201],
      [120.63, 31.3201],
      [120.63, 31.32],
    ];
    expect(errorsOf(poly(square, hole))).toEqual([
      { path: 'geometry.coordinates[1]', message: '内环（挖空区域）必须位于外环之内' },
    ]);
  });

  it('prefixes paths with the caller’s field name', () => {
    expect(errorsOf(undefined)[0]?.path).toBe('geometry');
    const r = validateGridPolygon({ type: 'Point' }, { path: 'body.boundary' });
    expect(r.ok ? null : r.errors[0]?.path).toBe('body.boundary.type');
  });
});
