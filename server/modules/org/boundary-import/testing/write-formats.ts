/**
 * Writes boundary test files the way GIS tools do: an ESRI Shapefile (polygon type 5, outer rings
 * clockwise, UTF-8 dBase attributes) zipped with a .prj, and a KML document. Test-only.
 */
import JSZip from 'jszip';
import { partsOf, ringSignedArea2, type GeoArea, type LngLat } from '../../geo/types.ts';

export interface FileFeature {
  code: string | null;
  name: string;
  geometry: GeoArea;
}

export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
export const CGCS2000_PRJ =
  'GEOGCS["China Geodetic Coordinate System 2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
export const GK_PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["Central_Meridian",120.0],UNIT["Meter",1.0]]';

/** Shapefile rings: outer clockwise, holes counter-clockwise (the opposite of GeoJSON). */
function shpRings(g: GeoArea): LngLat[][] {
  return partsOf(g).flatMap((rings) =>
    rings.map((ring, r) => (ringSignedArea2(ring) > 0 === (r === 0) ? [...ring].reverse() : ring)),
  );
}

function shp(features: FileFeature[]): Buffer {
  const records = features.map((f, i) => {
    const rings = shpRings(f.geometry),
      points = rings.flat();
    const content = Buffer.alloc(44 + 4 * rings.length + 16 * points.length);
    const xs = points.map((p) => p[0]),
      ys = points.map((p) => p[1]);
    content.writeInt32LE(5, 0);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, k) =>
      content.writeDoubleLE(v, 4 + 8 * k),
    );
    content.writeInt32LE(rings.length, 36);
    content.writeInt32LE(points.length, 40);
    let start = 0;
    rings.forEach((ring, r) => {
      content.writeInt32LE(start, 44 + 4 * r);
      start += ring.length;
    });
    points.forEach(([x, y], k) => {
      content.writeDoubleLE(x, 44 + 4 * rings.length + 16 * k);
      content.writeDoubleLE(y, 52 + 4 * rings.length + 16 * k);
    });
    const header = Buffer.alloc(8);
    header.writeInt32BE(i + 1, 0);
    header.writeInt32BE(content.length / 2, 4);
    return Buffer.concat([header, content]);
  });
  const body = Buffer.concat(records);
  const head = Buffer.alloc(100);
  head.writeInt32BE(9994, 0);
  head.writeInt32BE((100 + body.length) / 2, 24);
  head.writeInt32LE(1000, 28);
  head.writeInt32LE(5, 32);
  return Buffer.concat([head, body]);
}

function dbf(features: FileFeature[]): Buffer {
  const fields = [
    { name: 'CODE', len: 15 },
    { name: '名称', len: 60 },
  ];
  const recordLen = 1 + fields.reduce((s, f) => s + f.len, 0);
  const headerLen = 32 + 32 * fields.length + 1;
  const head = Buffer.alloc(headerLen);
  head.writeUInt8(3, 0);
  head.writeUInt32LE(features.length, 4);
  head.writeUInt16LE(headerLen, 8);
  head.writeUInt16LE(recordLen, 10);
  fields.forEach((f, i) => {
    head.write(f.name, 32 + 32 * i, 10, 'utf8');
    head.write('C', 32 + 32 * i + 11, 'latin1');
    head.writeUInt8(f.len, 32 + 32 * i + 16);
  });
  head.writeUInt8(0x0d, headerLen - 1);
  const rows = features.map((f) => {
    const row = Buffer.alloc(recordLen, 0x20);
    row.write(f.code ?? '', 1, 15, 'utf8');
    row.write(f.name, 16, 60, 'utf8');
    return row;
  });
  return Buffer.concat([head, ...rows, Buffer.from([0x1a])]);
}

export async function shapefileZip(features: FileFeature[], prj: string | null = WGS84_PRJ): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('grids.shp', shp(features));
  zip.file('grids.dbf', dbf(features));
  zip.file('grids.cpg', 'UTF-8');
  if (prj) zip.file('grids.prj', prj);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const kmlRings = (rings: LngLat[][]) =>
  `<Polygon>${rings.map((ring, r) => `<${r === 0 ? 'outerBoundaryIs' : 'innerBoundaryIs'}><LinearRing><coordinates>${ring.map(([x, y]) => `${x},${y},0`).join(' ')}</coordinates></LinearRing></${r === 0 ? 'outerBoundaryIs' : 'innerBoundaryIs'}>`).join('')}</Polygon>`;

export function kmlDocument(features: FileFeature[]): Buffer {
  const placemarks = features.map((f) => {
    const parts = partsOf(f.geometry);
    const geometry =
      parts.length === 1 ? kmlRings(parts[0]!) : `<MultiGeometry>${parts.map(kmlRings).join('')}</MultiGeometry>`;
    const data = f.code ? `<ExtendedData><Data name="编码"><value>${f.code}</value></Data></ExtendedData>` : '';
    return `<Placemark><name>${f.name}</name>${data}${geometry}</Placemark>`;
  });
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks.join('')}</Document></kml>`,
  );
}
