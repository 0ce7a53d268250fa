import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import type { StatProvider, StatQuery } from '../analytics/stat-provider.ts';
import type { OpeningPeriod } from './schema.ts';

const DAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/**
 * '周一至周五 09:00–11:30、14:00–17:00；周六 09:00–11:30': consecutive weekdays with the same
 * periods share one entry, so a map tooltip stays one line.
 */
export function formatOpeningHours(periods: OpeningPeriod[]): string {
  const byDay = new Map<number, string>();
  for (const p of [...periods].sort((a, b) => a.weekday - b.weekday || a.open.localeCompare(b.open))) {
    const span = `${p.open}–${p.close}`;
    byDay.set(p.weekday, byDay.has(p.weekday) ? `${byDay.get(p.weekday)}、${span}` : span);
  }
  const runs: { from: number; to: number; spans: string }[] = [];
  for (const [day, spans] of byDay) {
    const last = runs.at(-1);
    if (last && last.to === day - 1 && last.spans === spans) last.to = day;
    else runs.push({ from: day, to: day, spans });
  }
  if (!runs.length) return '暂未公布';
  return runs
    .map((r) => `${DAYS[r.from]}${r.to > r.from ? `${r.to === r.from + 1 ? '、' : '至'}${DAYS[r.to]}` : ''} ${r.spans}`)
    .join('；');
}

/**
 * 党群服务驿站 for the one map. Stations carry an address but no coordinates, so the point is
 * derived the way the seed places other points: the community's first building (lowest code:
 * the community centre usually is the first one registered), else the centre of the community's
 * box. `located` says which, so the map can tell an exact point from an estimate. A grid's map
 * shows its community's station (a station serves every grid of its community).
 */
async function stations(db: Queryable, q: StatQuery) {
  const { rows } = await db.execute<{
    id: number;
    name: string;
    address: string;
    opening_hours: OpeningPeriod[];
    communityPath: string;
    lng: number | null;
    lat: number | null;
    located: string;
  }>(sql`
    select s.id, s.name, s.address, s.opening_hours, c.path as "communityPath",
      coalesce(b.lng, (c.min_lng + c.max_lng) / 2) as lng, coalesce(b.lat, (c.min_lat + c.max_lat) / 2) as lat,
      case when b.lng is not null then 'building' else 'community' end as located
    from service_stations s join org_nodes c on c.id = s.community_id
    left join lateral (
      -- [path, path with its last '/' raised to '0'): the text_pattern_ops range of "under c".
      select n.lng, n.lat from org_nodes n where n.level = 'building' and n.lng is not null
        and n.path ~>=~ c.path and n.path ~<~ (left(c.path, -1) || '0')
      order by n.code limit 1) b on true
    where (c.path like ${`${q.scopePath}%`} or ${q.scopePath} like c.path || '%')
    order by c.code, s.id`);
  return rows
    .filter((r) => r.lng != null && r.lat != null)
    .map((r) => ({
      id: r.id,
      name: r.name,
      address: r.address,
      hours: formatOpeningHours(r.opening_hours),
      communityPath: r.communityPath,
      lng: Number(r.lng),
      lat: Number(r.lat),
      located: r.located,
    }));
}

export const servicesStats: StatProvider[] = [
  { name: 'services.stations', label: '党群服务驿站', kind: 'list', compute: stations },
];
