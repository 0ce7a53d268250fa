import { readFileSync } from 'node:fs';
import type { Division, StreetDivision } from '../../../contracts/setup.ts';

/** Compact NBS 2023 list (scripts/extract-division-fixture.ts): districts as [code, name], streets as [suffix, name]. */
interface DivisionFixture {
  source: string;
  provinces: Record<string, string>;
  cities: Record<string, string>;
  districts: [string, string][];
  streets: Record<string, [string, string][]>;
}

let cached: { fixture: DivisionFixture; districts: Division[]; byCode: Map<string, Division> } | null = null;

// Read on first use only: an installed server never needs the 1 MB list again.
function load() {
  if (cached) return cached;
  const fixture = JSON.parse(
    readFileSync(new URL('./fixtures/divisions.json', import.meta.url), 'utf8'),
  ) as DivisionFixture;
  const districts = fixture.districts.map(([code, name]): Division => {
    const province = fixture.provinces[code.slice(0, 2)] ?? '';
    // Municipalities' districts sit under a "市辖区" pseudo-city: show the municipality instead.
    const rawCity = fixture.cities[code.slice(0, 4)] ?? '';
    const city = !rawCity || rawCity === '市辖区' || rawCity === '县' ? province : rawCity;
    return { code, name, city, province };
  });
  cached = { fixture, districts, byCode: new Map(districts.map((d) => [d.code, d])) };
  return cached;
}

export function findDistrict(code: string): Division | null {
  return load().byCode.get(code) ?? null;
}

/**
 * Districts whose code starts with `q` (digits) or whose name, city or province contains it.
 * Names that start with the query rank first, so "姑苏" finds 姑苏区 before anything else.
 */
export function searchDistricts(q: string, limit = 30): Division[] {
  const { districts } = load();
  const query = q.trim();
  if (!query) return [];
  if (/^\d+$/.test(query)) return districts.filter((d) => d.code.startsWith(query)).slice(0, limit);
  const hits = districts.filter((d) => d.name.includes(query) || `${d.province}${d.city}${d.name}`.includes(query));
  const rank = (d: Division) => (d.name.startsWith(query) ? 0 : d.name.includes(query) ? 1 : 2);
  return hits.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code)).slice(0, limit);
}

/** The streets and towns (乡级) of a district, in code order; null for an unknown district. */
export function streetsOf(districtCode: string): StreetDivision[] | null {
  const { fixture, byCode } = load();
  if (!byCode.has(districtCode)) return null;
  return (fixture.streets[districtCode] ?? []).map(([suffix, name]) => ({ code: districtCode + suffix, name }));
}

export function divisionSource(): string {
  return load().fixture.source;
}
