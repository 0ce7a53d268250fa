/**
 * Validates a grid boundary drawn or uploaded by a user, with one message per problem in Chinese,
 * each pointing at the offending part (e.g. 'geometry.coordinates[0][3]').
 * On success the polygon is normalised: 2-D positions, no repeated consecutive points,
 * outer ring counter-clockwise and holes clockwise (RFC 7946), so later code can rely on it.
 */
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { kinks } from '@turf/kinks';
import { ringSignedArea2, type GeoPolygon, type LngLat } from './types.ts';

export interface PolygonError { path: string; message: string }
export type PolygonValidation = { ok: true; polygon: GeoPolygon } | { ok: false; errors: PolygonError[] };

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

function checkStructure(geometry: unknown, base: string, errors: PolygonError[]): geometry is GeoPolygon {
  if (!isObject(geometry) || typeof geometry.type !== 'string') {
    errors.push({ path: base, message: '不是有效的 GeoJSON 几何对象（缺少 type 字段）' });
    return false;
  }
  if (geometry.type !== 'Polygon') {
    const why = geometry.type === 'MultiPolygon' ? '（网格必须是一个连续区域）' : '';
    errors.push({ path: `${base}.type`, message: `几何类型必须是 Polygon，收到的是 ${geometry.type}${why}` });
    return false;
  }
  const rings = geometry.coordinates;
  if (!Array.isArray(rings) || rings.length === 0) {
    errors.push({ path: `${base}.coordinates`, message: '坐标必须是由线性环组成的非空数组' });
    return false;
  }
  rings.forEach((ring: unknown, r) => {
    const path = `${base}.coordinates[${r}]`;
    if (!Array.isArray(ring)) { errors.push({ path, message: '线性环必须是坐标数组' }); return; }
    if (ring.length < 4) {
      errors.push({ path, message: `线性环至少需要 4 个坐标（含与首点相同的末点），收到 ${ring.length} 个` });
    }
    const before = errors.length;
    ring.forEach((pos: unknown, i) => checkPosition(pos, `${path}[${i}]`, errors));
    if (errors.length > before || ring.length < 4) return;
    const first = ring[0] as LngLat, last = ring[ring.length - 1] as LngLat;
    if (first[0] !== last[0] || first[1] !== last[1]) errors.push({ path, message: '多边形首尾坐标必须相同（环未闭合）' });
  });
  return errors.length === 0;
}

function normalise(polygon: GeoPolygon): GeoPolygon {
  return {
    type: 'Polygon',
    coordinates: polygon.coordinates.map((ring, r) => {
      const out: LngLat[] = [];
      for (const [x, y] of ring) {
        const prev = out[out.length - 1];
        if (!prev || prev[0] !== x || prev[1] !== y) out.push([x, y]);
      }
      const ccw = ringSignedArea2(out) > 0;
      return (r === 0) === ccw ? out : out.reverse();
    }),
  };
}

export function validateGridPolygon(input: unknown, opts: { path?: string; minAreaM2?: number } = {}): PolygonValidation {
  // A Feature is unwrapped; by default paths read as the Feature's (or a request body's) 'geometry'.
  const isFeature = isObject(input) && input.type === 'Feature';
  const base = opts.path === undefined ? 'geometry' : isFeature ? `${opts.path}.geometry` : opts.path;
  const geometry = isFeature ? input.geometry : input;
  const errors: PolygonError[] = [];
  if (!checkStructure(geometry, base, errors)) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };

  const polygon = normalise(geometry);
  const path = `${base}.coordinates`;
  if (polygon.coordinates.some((ring) => ring.length < 4)) {
    return { ok: false, errors: [{ path, message: '多边形面积为零（去掉重复点后不足 3 个不同顶点）' }] };
  }
  const crossings = kinks(polygon as never).features;
  if (crossings.length > 0) {
    // 6 decimals ≈ 0.1 m: enough to find the spot on a map, without float noise.
    const spots = crossings.map((f) => `[${(f.geometry.coordinates as number[]).map((v) => +v.toFixed(6)).join(', ')}]`);
    const at = [...new Set(spots)].slice(0, 3).join('、');
    return { ok: false, errors: [{ path, message: `多边形自相交：边在 ${at} 处交叉或重叠` }] };
  }
  const outer = { type: 'Polygon' as const, coordinates: [polygon.coordinates[0] as LngLat[]] };
  polygon.coordinates.slice(1).forEach((hole, h) => {
    if (!booleanPointInPolygon(hole[0] as LngLat, outer, { ignoreBoundary: true })) {
      errors.push({ path: `${path}[${h + 1}]`, message: '内环（挖空区域）必须位于外环之内' });
    }
  });
  if (area(polygon as never) < (opts.minAreaM2 ?? 1)) {
    errors.push({ path, message: '多边形面积为零（坐标共线或重合）' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, polygon };
}
