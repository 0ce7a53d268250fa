/**
 * Validates a grid boundary drawn or uploaded by a user, with one message per problem in Chinese,
 * each pointing at the offending part (e.g. 'geometry.coordinates[0][3]').
 * Accepts a Polygon or a MultiPolygon (disjoint parts). On success it is normalised: 2-D positions, no repeated consecutive points,
 * outer rings counter-clockwise and holes clockwise (RFC 7946), a one-part MultiPolygon as a
 * Polygon, so later code can rely on it.
 */
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { kinks } from '@turf/kinks';
import { intersection } from './overlap.ts';
import { areaOf, partsOf, ringSignedArea2, type GeoArea, type GeoPolygon, type LngLat } from './types.ts';

export interface PolygonError {
  path: string;
  message: string;
}
export type PolygonValidation = { ok: true; polygon: GeoArea } | { ok: false; errors: PolygonError[] };

const MAX_ERRORS = 20; // a pasted file can be wrong at every vertex; the first few say enough
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkPosition(pos: unknown, path: string, errors: PolygonError[]): void {
  if (!Array.isArray(pos) || pos.length < 2 || !pos.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    errors.push({ path, message: '坐标必须是 [经度, 纬度] 形式的数值数组' });
    return;
  }
  const [lng, lat] = pos as number[] as LngLat;
  if (lng < -180 || lng > 180) errors.push({ path, message: `经度必须在 -180 到 180 之间，收到 ${lng}` });
  if (lat < -90 || lat > 90) {
    // Chinese coordinates written lat-first put ~73–135 in the latitude slot: say so.
    const hint = lng >= 3 && lng <= 54 && lat >= 73 && lat <= 136 ? '（疑似经纬度顺序颠倒，应为 [经度, 纬度]）' : '';
    errors.push({ path, message: `纬度必须在 -90 到 90 之间，收到 ${lat}${hint}` });
  }
}

function checkRings(rings: unknown, path: string, errors: PolygonError[]): void {
  if (!Array.isArray(rings) || rings.length === 0) {
    errors.push({ path, message: '坐标必须是由线性环组成的非空数组' });
    return;
  }
  rings.forEach((ring: unknown, r) => {
    const at = `${path}[${r}]`;
    if (!Array.isArray(ring)) {
      errors.push({ path: at, message: '线性环必须是坐标数组' });
      return;
    }
    if (ring.length < 4) {
      errors.push({ path: at, message: `线性环至少需要 4 个坐标（含与首点相同的末点），收到 ${ring.length} 个` });
    }
    const before = errors.length;
    ring.forEach((pos: unknown, i) => checkPosition(pos, `${at}[${i}]`, errors));
    if (errors.length > before || ring.length < 4) return;
    const first = ring[0] as LngLat,
      last = ring[ring.length - 1] as LngLat;
    if (first[0] !== last[0] || first[1] !== last[1])
      errors.push({ path: at, message: '多边形首尾坐标必须相同（环未闭合）' });
  });
}

function checkStructure(geometry: unknown, base: string, errors: PolygonError[]): geometry is GeoArea {
  if (!isObject(geometry) || typeof geometry.type !== 'string') {
    errors.push({ path: base, message: '不是有效的 GeoJSON 几何对象（缺少 type 字段）' });
    return false;
  }
  if (geometry.type === 'Polygon') {
    checkRings(geometry.coordinates, `${base}.coordinates`, errors);
  } else if (geometry.type === 'MultiPolygon') {
    const parts = geometry.coordinates;
    if (!Array.isArray(parts) || parts.length === 0)
      errors.push({ path: `${base}.coordinates`, message: 'MultiPolygon 的坐标必须是由多边形组成的非空数组' });
    else parts.forEach((rings: unknown, p) => checkRings(rings, `${base}.coordinates[${p}]`, errors));
  } else {
    errors.push({ path: `${base}.type`, message: `几何类型必须是 Polygon 或 MultiPolygon，收到的是 ${geometry.type}` });
  }
  return errors.length === 0;
}

function normaliseRings(rings: LngLat[][]): LngLat[][] {
  return rings.map((ring, r) => {
    const out: LngLat[] = [];
    for (const [x, y] of ring) {
      const prev = out[out.length - 1];
      if (!prev || prev[0] !== x || prev[1] !== y) out.push([x, y]);
    }
    const ccw = ringSignedArea2(out) > 0;
    return (r === 0) === ccw ? out : out.reverse();
  });
}

const at6 = (p: number[]) => `[${p.map((v) => +v.toFixed(6)).join(', ')}]`;

/** Problems of one part (a polygon's rings): degenerate rings, self-intersection, holes outside. */
function partProblems(rings: LngLat[][], path: string, minAreaM2: number): PolygonError[] {
  if (rings.some((ring) => ring.length < 4))
    return [{ path, message: '多边形面积为零（去掉重复点后不足 3 个不同顶点）' }];
  const polygon: GeoPolygon = { type: 'Polygon', coordinates: rings };
  const crossings = kinks(polygon as never).features;
  if (crossings.length > 0) {
    // 6 decimals ≈ 0.1 m: enough to find the spot on a map, without float noise.
    const at = [...new Set(crossings.map((f) => at6(f.geometry.coordinates as number[])))].slice(0, 3).join('、');
    return [{ path, message: `多边形自相交：边在 ${at} 处交叉或重叠` }];
  }
  const errors: PolygonError[] = [];
  const outer = { type: 'Polygon' as const, coordinates: [rings[0] as LngLat[]] };
  rings.slice(1).forEach((hole, h) => {
    if (!booleanPointInPolygon(hole[0] as LngLat, outer, { ignoreBoundary: true })) {
      errors.push({ path: `${path}[${h + 1}]`, message: '内环（挖空区域）必须位于外环之内' });
    }
  });
  if (area(polygon as never) < minAreaM2) errors.push({ path, message: '多边形面积为零（坐标共线或重合）' });
  return errors;
}

/** Parts of a MultiPolygon must be disjoint (touching at a point or edge is allowed). */
function partOverlaps(parts: LngLat[][][], path: string): PolygonError[] {
  const errors: PolygonError[] = [];
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const hit = intersection(
        { type: 'Polygon', coordinates: parts[i]! },
        { type: 'Polygon', coordinates: parts[j]! },
      );
      if (hit)
        errors.push({ path, message: `第 ${i + 1} 块与第 ${j + 1} 块相互重叠约 ${Math.round(hit.areaM2)} 平方米` });
    }
  }
  return errors;
}

/**
 * opts.label names the feature in every message (e.g. '网格"平江一网格"'), so a report over a
 * whole file says which boundary is wrong, not only where.
 */
export function validateGridPolygon(
  input: unknown,
  opts: { path?: string; minAreaM2?: number; label?: string } = {},
): PolygonValidation {
  // A Feature is unwrapped; by default paths read as the Feature's (or a request body's) 'geometry'.
  const isFeature = isObject(input) && input.type === 'Feature';
  const base = opts.path === undefined ? 'geometry' : isFeature ? `${opts.path}.geometry` : opts.path;
  const geometry = isFeature ? input.geometry : input;
  const errors: PolygonError[] = [];
  const named = (list: PolygonError[]): PolygonValidation => ({
    ok: false,
    errors: list.slice(0, MAX_ERRORS).map((e) => (opts.label ? { ...e, message: `${opts.label}：${e.message}` } : e)),
  });
  if (!checkStructure(geometry, base, errors)) return named(errors);

  const multi = geometry.type === 'MultiPolygon';
  const parts = partsOf(geometry).map(normaliseRings);
  const minAreaM2 = opts.minAreaM2 ?? 1;
  parts.forEach((rings, p) =>
    errors.push(...partProblems(rings, multi ? `${base}.coordinates[${p}]` : `${base}.coordinates`, minAreaM2)),
  );
  if (errors.length === 0 && parts.length > 1) errors.push(...partOverlaps(parts, `${base}.coordinates`));
  return errors.length > 0 ? named(errors) : { ok: true, polygon: areaOf(parts) };
}
