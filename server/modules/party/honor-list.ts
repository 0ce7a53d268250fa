import { sql } from 'drizzle-orm';
import type { HonorList } from '../../../contracts/party.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { monthBounds } from './periods.ts';

interface Tally {
  memberId: number;
  name: string;
  points: number;
}

/**
 * Red/yellow list rules (红黄榜), applied to one month's tallies:
 * - red: members in the top fifth by points (at least one place; ties share the place), with points > 0;
 * - yellow: members outside the red list with no points at all or fewer than half the average.
 * Ranks are competition ranks (1, 2, 2, 4), ties ordered by member id for a stable output.
 */
export function rankHonorList(tallies: Tally[]): {
  average: number;
  red: HonorList['red'];
  yellow: HonorList['yellow'];
} {
  const sorted = [...tallies].sort((a, b) => b.points - a.points || a.memberId - b.memberId);
  const ranked = sorted.map((t, i) => ({ ...t, rank: 0, i }));
  for (const r of ranked) r.rank = r.i > 0 && ranked[r.i - 1]!.points === r.points ? ranked[r.i - 1]!.rank : r.i + 1;
  const total = tallies.reduce((s, t) => s + t.points, 0);
  const average = tallies.length ? Math.round((total / tallies.length) * 100) / 100 : 0;
  const redPlaces = Math.max(1, Math.ceil(tallies.length / 5));
  const entry = (r: (typeof ranked)[number]) => ({
    memberId: r.memberId,
    name: r.name,
    points: r.points,
    rank: r.rank,
  });
  const red = ranked.filter((r) => r.points > 0 && r.rank <= redPlaces);
  const yellow = ranked.filter((r) => !red.includes(r) && (r.points === 0 || r.points < average / 2)).reverse();
  return { average, red: red.map(entry), yellow: yellow.map(entry) };
}

/**
 * A month's list for a branch or a community, computed only from rows dated in that month: the
 * ledger's occurred_at (Asia/Shanghai month) and the members' joined/left dates, so a past
 * month gives the same list whenever it is asked for. The ledger copies branch and community
 * at accrual, so the list counts what was earned there.
 */
export async function computeHonorList(
  db: Queryable,
  scopeKind: 'branch' | 'community',
  scopeId: number,
  month: string,
): Promise<HonorList> {
  const { start, end } = monthBounds(month);
  const firstDay = `${month}-01`;
  const nextMonth = monthBounds(month).end;
  const lastDayExclusive = new Date(nextMonth.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const memberCol = scopeKind === 'branch' ? sql.raw('branch_org_id') : sql.raw('home_community_id');
  const ledgerCol = scopeKind === 'branch' ? sql.raw('branch_org_id') : sql.raw('community_id');
  const rows = await db.execute<{ member_id: number; name: string; points: number }>(sql`
    select m.id as member_id, m.name, coalesce(p.points, 0)::int as points
    from party_members m
    left join (
      select member_id, sum(points) as points from party_points
      where ${ledgerCol} = ${scopeId} and occurred_at >= ${start.toISOString()} and occurred_at < ${end.toISOString()}
      group by member_id
    ) p on p.member_id = m.id
    where m.${memberCol} = ${scopeId} and m.joined_on < ${lastDayExclusive}::date and (m.left_on is null or m.left_on >= ${firstDay}::date)`);
  const tallies = rows.rows.map((r) => ({ memberId: Number(r.member_id), name: r.name, points: Number(r.points) }));
  return { month, scopeKind, scopeId, members: tallies.length, ...rankHonorList(tallies) };
}
