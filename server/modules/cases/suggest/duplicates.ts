import { and, between, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/open.ts';
import { cases } from '../schema.ts';
import { similarity, tokenize } from './tokens.ts';

export const DUPLICATE_RADIUS_M = 150;
const WINDOW_DAYS = 14;
const MIN_SIMILARITY = 0.2;
const OPEN_STATES = [
  'reported',
  'accepted',
  'dispatched',
  'signed',
  'extension_requested',
  'handled',
  'verified',
  'parked',
  'on_agenda',
] as const;

function distanceM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  // Equirectangular is exact enough at 150 m.
  const x = (lng2 - lng1) * Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180)) * 111_320;
  const y = (lat2 - lat1) * 110_540;
  return Math.hypot(x, y);
}

/**
 * Open cases near the point, recent, of the same category when one is known, whose words
 * overlap the new text: the reporter is offered to follow one, the dispatcher to merge.
 */
export async function findDuplicates(
  db: Db,
  input: { lng: number; lat: number; text: string; categoryId?: number | null; excludeId?: number },
) {
  const dLat = DUPLICATE_RADIUS_M / 110_540;
  const dLng = DUPLICATE_RADIUS_M / (111_320 * Math.cos((input.lat * Math.PI) / 180));
  const rows = await db
    .select({
      id: cases.id,
      caseNo: cases.caseNo,
      title: cases.title,
      description: cases.description,
      state: cases.state,
      lng: cases.lng,
      lat: cases.lat,
      categoryId: cases.categoryId,
    })
    .from(cases)
    .where(
      and(
        between(cases.lng, input.lng - dLng, input.lng + dLng),
        between(cases.lat, input.lat - dLat, input.lat + dLat),
        inArray(cases.state, [...OPEN_STATES]),
        sql`${cases.reportedAt} > now() - make_interval(days => ${WINDOW_DAYS})`,
        input.categoryId ? eq(cases.categoryId, input.categoryId) : undefined,
        input.excludeId ? ne(cases.id, input.excludeId) : undefined,
      ),
    )
    .orderBy(desc(cases.reportedAt))
    .limit(200);
  const words = tokenize(input.text);
  return rows
    .map((r) => ({
      id: r.id,
      caseNo: r.caseNo,
      title: r.title,
      state: r.state,
      distanceM: Math.round(distanceM(input.lng, input.lat, r.lng!, r.lat!)),
      similarity: Math.round(similarity(words, tokenize(`${r.title} ${r.description}`)) * 100) / 100,
    }))
    .filter((r) => r.distanceM <= DUPLICATE_RADIUS_M && r.similarity >= MIN_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || a.distanceM - b.distanceM)
    .slice(0, 5);
}
