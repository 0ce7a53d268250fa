/**
 * Reads an uploaded boundary file into plain GeoJSON features: a GeoJSON FeatureCollection, a
 * zipped ESRI Shapefile (.shp + .dbf, optional .prj/.cpg) or a KML document. Coordinates must be
 * longitude/latitude on WGS84 or CGCS2000 (the two differ by centimetres, below what a grid
 * boundary needs); projected data (Gauss–Krüger, Web Mercator…) is refused with the reason,
 * since guessing a projection would silently put every grid in the wrong place.
 */
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { iter } from 'but-unzip';
import { getShapefile } from 'shpjs';
import { AppError } from '../../../platform/errors.ts';

export interface RawFeature {
  properties: Record<string, unknown>;
  geometry: unknown;
}

const fail = (message: string) => new AppError('VALIDATION_FAILED', { message, details: [{ path: 'file', message }] });

export async function readBoundaryFile(filename: string, bytes: Buffer): Promise<RawFeature[]> {
  const lower = filename.toLowerCase();
  const features = lower.endsWith('.zip')
    ? await readShapefileZip(bytes)
    : lower.endsWith('.kml')
      ? readKml(bytes.toString('utf8'))
      : lower.endsWith('.geojson') || lower.endsWith('.json')
        ? readGeoJson(bytes.toString('utf8'))
        : null;
  if (!features)
    throw fail(
      `不支持的文件类型"${filename}"：请上传 GeoJSON（.geojson/.json）、Shapefile 压缩包（.zip）或 KML（.kml）`,
    );
  if (features.length === 0) throw fail('文件中没有任何要素');
  if (features.length > 2000) throw fail(`文件包含 ${features.length} 个要素，一次最多导入 2000 个`);
  assertLngLat(features);
  return features;
}

function readGeoJson(text: string): RawFeature[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw fail('GeoJSON 文件不是有效的 JSON');
  }
  const d = doc as { type?: string; features?: unknown; geometry?: unknown; properties?: unknown };
  if (d?.type === 'Feature') return [toRaw(d)];
  if (d?.type !== 'FeatureCollection' || !Array.isArray(d.features))
    throw fail('GeoJSON 必须是 FeatureCollection（要素集合）');
  return d.features.map((f) => toRaw(f as { geometry?: unknown; properties?: unknown }));
}

const toRaw = (f: { geometry?: unknown; properties?: unknown }): RawFeature => ({
  properties: (f?.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<string, unknown>,
  geometry: f?.geometry ?? null,
});

function readKml(text: string): RawFeature[] {
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml');
  if (!doc?.documentElement || doc.getElementsByTagName('parsererror').length) throw fail('KML 文件不是有效的 XML');
  return kml(doc as never).features.map((f) =>
    toRaw({ properties: f.properties ?? {}, geometry: flattenCollection(f.geometry) }),
  );
}

/** KML's MultiGeometry arrives as a GeometryCollection; a collection of polygons is a MultiPolygon. */
function flattenCollection(geometry: unknown): unknown {
  const g = geometry as { type?: string; geometries?: { type: string; coordinates: unknown }[] } | null;
  if (g?.type !== 'GeometryCollection' || !g.geometries?.length) return geometry;
  if (!g.geometries.every((p) => p.type === 'Polygon' || p.type === 'MultiPolygon')) return geometry;
  const parts = g.geometries.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : (p.coordinates as unknown[])));
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

/** Geographic CRSs on WGS84 or CGCS2000 (the national datum; 2000 国家大地坐标系). */
const ACCEPTED_DATUM = /WGS[ _]?(19)?84|CGCS[ _]?2000|China[ _]Geodetic[ _]Coordinate[ _]System[ _]2000|D_China_2000/i;

async function readShapefileZip(bytes: Buffer): Promise<RawFeature[]> {
  const files = new Map<string, Uint8Array>();
  try {
    for (const entry of iter(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))) {
      if (entry.filename.includes('__MACOSX')) continue;
      const ext = entry.filename.slice(entry.filename.lastIndexOf('.') + 1).toLowerCase();
      if (['shp', 'dbf', 'prj', 'cpg'].includes(ext) && !files.has(ext)) files.set(ext, await entry.read());
    }
  } catch {
    throw fail('无法解压 Shapefile 压缩包（.zip 文件已损坏？）');
  }
  const shp = files.get('shp'),
    dbf = files.get('dbf'),
    prj = files.get('prj'),
    cpg = files.get('cpg');
  if (!shp) throw fail('压缩包中没有 .shp 文件');
  if (!dbf) throw fail('压缩包中没有 .dbf 属性表文件（需要用其中的编码或名称匹配网格）');
  if (prj) {
    const wkt = new TextDecoder().decode(prj);
    if (/^\s*PROJCS/i.test(wkt)) {
      const name = /PROJCS\s*\[\s*"([^"]+)"/i.exec(wkt)?.[1] ?? '投影坐标系';
      throw fail(`Shapefile 使用投影坐标系"${name}"：请在 GIS 软件中转换为 WGS84 或 CGCS2000 经纬度后再导入`);
    }
    if (!ACCEPTED_DATUM.test(wkt)) {
      const name = /GEOGCS\s*\[\s*"([^"]+)"/i.exec(wkt)?.[1] ?? '未知坐标系';
      throw fail(`Shapefile 的坐标系"${name}"不受支持：只接受 WGS84 或 CGCS2000 经纬度（北京54、西安80 需先转换）`);
    }
  }
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  // No prj passed on: the datum is checked above, and WGS84/CGCS2000 need no reprojection.
  const collection = (await getShapefile({
    shp: view(shp),
    dbf: view(dbf),
    ...(cpg ? { cpg: new TextDecoder().decode(cpg) } : {}),
  } as never)) as { features: RawFeature[] };
  return collection.features.map(toRaw);
}

/** Longitude/latitude sanity check: projected metres (e.g. 3.4 million) cannot pass. */
function assertLngLat(features: RawFeature[]): void {
  for (const [i, f] of features.entries()) {
    const first = firstPosition((f.geometry as { coordinates?: unknown } | null)?.coordinates);
    if (first && (Math.abs(first[0]!) > 180 || Math.abs(first[1]!) > 90)) {
      throw fail(
        `第 ${i + 1} 个要素的坐标 [${first.join(', ')}] 不是经纬度（疑似投影坐标）：请转换为 WGS84 或 CGCS2000 经纬度后再导入`,
      );
    }
  }
}

function firstPosition(c: unknown): number[] | null {
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' ? (c as number[]) : null;
}
