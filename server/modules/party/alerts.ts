import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import { withTx } from '../../platform/db/tx.ts';
import { publishLive } from '../../platform/live/events.ts';
import { elapsedShare, expectedPoints, isBehindPace, periodOf } from './periods.ts';
import { partyAlerts, partyMembers, type PeriodKind } from './schema.ts';

export const ALERT_KIND_BEHIND = 'behind_pace';
const BATCH = 500;

type Candidate = {
  member_id: number;
  user_id: number | null;
  branch_org_id: number;
  branch_path: string;
  period: PeriodKind;
  target: number;
  points: number;
};

/**
 * The alert sweep: for every active member with approved posts and every period kind their
 * posts carry, compares the points earned so far in the current Asia/Shanghai period with the
 * pace rule (periods.ts). A behind member gets one alert row per (member, period, kind) — the
 * unique index makes a re-run or a re-claimed job a no-op — and only a newly written alert
 * notifies the member and the branch secretary. Batches of members commit one by one, so a
 * crash loses at most the batch in flight, which the next run redoes.
 */
export async function raiseAlerts(db: Db, now: Date): Promise<{ checked: number; raised: number }> {
  const periods = Object.fromEntries(
    (['month', 'quarter', 'year'] as const).map((k) => [k, periodOf(k, now)]),
  ) as Record<PeriodKind, ReturnType<typeof periodOf>>;
  let after = 0,
    checked = 0,
    raised = 0;
  for (;;) {
    const ids = await db
      .select({ id: partyMembers.id })
      .from(partyMembers)
      .where(and(isNull(partyMembers.leftOn), gt(partyMembers.id, after)))
      .orderBy(asc(partyMembers.id))
      .limit(BATCH);
    if (!ids.length) break;
    after = ids[ids.length - 1]!.id;
    const batch = await db.execute<Candidate>(sql`
      with targets as (
        select mp.member_id, p.period, sum(p.target_points)::int as target
        from party_member_posts mp join party_posts p on p.id = mp.post_id
        where mp.state = 'approved' and mp.member_id in (${sql.join(
          ids.map((r) => sql`${r.id}`),
          sql`, `,
        )})
        group by mp.member_id, p.period)
      select t.member_id, m.user_id, m.branch_org_id, m.branch_path, t.period, t.target,
        coalesce((select sum(pp.points) from party_points pp where pp.member_id = t.member_id
          and pp.occurred_at >= case t.period when 'month' then ${periods.month.start.toISOString()}::timestamptz
            when 'quarter' then ${periods.quarter.start.toISOString()}::timestamptz else ${periods.year.start.toISOString()}::timestamptz end
          and pp.occurred_at < ${now.toISOString()}::timestamptz), 0)::int as points
      from targets t join party_members m on m.id = t.member_id order by t.member_id`);
    checked += batch.rows.length;
    const behind = batch.rows.filter((c) =>
      isBehindPace(Number(c.points), Number(c.target), elapsedShare(periods[c.period], now)),
    );
    if (behind.length) raised += await writeAlerts(db, behind, periods, now);
  }
  return { checked, raised };
}

async function writeAlerts(
  db: Db,
  behind: Candidate[],
  periods: Record<PeriodKind, ReturnType<typeof periodOf>>,
  now: Date,
): Promise<number> {
  return withTx(db, async (tx) => {
    const branchIds = [...new Set(behind.map((c) => Number(c.branch_org_id)))];
    const secretaries = await tx
      .select({ branchOrgId: partyMembers.branchOrgId, userId: partyMembers.userId })
      .from(partyMembers)
      .where(
        and(
          inArray(partyMembers.branchOrgId, branchIds),
          eq(partyMembers.duty, 'secretary'),
          isNotNull(partyMembers.userId),
        ),
      );
    let raised = 0;
    for (const c of behind) {
      const period = periods[c.period];
      const expected = expectedPoints(Number(c.target), elapsedShare(period, now));
      const [alert] = await tx
        .insert(partyAlerts)
        .values({
          memberId: Number(c.member_id),
          branchOrgId: Number(c.branch_org_id),
          periodKey: period.key,
          kind: ALERT_KIND_BEHIND,
          points: Number(c.points),
          target: Number(c.target),
          expected,
        })
        .onConflictDoNothing()
        .returning({ id: partyAlerts.id });
      if (!alert) continue;
      raised++;
      const payload = {
        alertId: alert.id,
        memberId: Number(c.member_id),
        periodKey: period.key,
        points: Number(c.points),
        target: Number(c.target),
        expected,
      };
      if (c.user_id) await publishLive(tx, { topic: 'party.alert', userId: Number(c.user_id), payload });
      for (const s of secretaries.filter((s) => s.branchOrgId === Number(c.branch_org_id) && s.userId !== c.user_id)) {
        await publishLive(tx, { topic: 'party.alert', userId: s.userId, payload });
      }
      await publishLive(tx, { topic: 'party.alert', scopePath: c.branch_path, payload });
    }
    return raised;
  });
}
