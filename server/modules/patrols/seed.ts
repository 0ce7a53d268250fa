import { asc, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';
import { users } from '../accounts/schema.ts';
import { orgNodes } from '../org/schema.ts';
import { patrolCheckIns, patrolMembers, patrolPlans, patrolRouteGrids } from './schema.ts';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** `hour` o'clock Asia/Shanghai, `days` from the day of `now`. */
function shanghaiAt(now: Date, days: number, hour: number): Date {
  const day = Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / 86_400_000) + days;
  return new Date(day * 86_400_000 + hour * 3_600_000 - SHANGHAI_OFFSET_MS);
}

/**
 * Two joint patrols in the demo community: last week's (done, every grid checked in) and
 * today's (planned), both with the street administrator, the secretary, the urban management
 * squad's handler (`dept`) and the first grid's worker. Findings are not seeded: a finding is a
 * case, and cases are filed only through the cases module's loop (try it on today's patrol).
 * Returns how many plans it wrote.
 */
export async function seedDemoPatrols(
  tx: Tx,
  community: { id: number; path: string },
  now = new Date(),
): Promise<number> {
  const accounts = await tx
    .select({ id: users.id, username: users.username, departmentId: users.departmentId })
    .from(users)
    .where(inArray(users.username, ['street', 'secretary', 'dept', 'gridworker']));
  const byName = new Map(accounts.map((a) => [a.username, a]));
  const secretary = byName.get('secretary');
  if (!secretary || accounts.length < 2) return 0;
  const grids = await tx
    .select({ id: orgNodes.id })
    .from(orgNodes)
    .where(sql`${orgNodes.level} = 'grid' and ${orgNodes.parentId} = ${community.id}`)
    .orderBy(asc(orgNodes.code))
    .limit(3);
  if (!grids.length) return 0;

  const addPlan = async (title: string, days: number, status: 'planned' | 'done', note: string) => {
    const [plan] = await tx
      .insert(patrolPlans)
      .values({
        title,
        scopeNodeId: community.id,
        scopePath: community.path,
        startsAt: shanghaiAt(now, days, 9),
        endsAt: shanghaiAt(now, days, 11),
        status,
        note,
        organiserUserId: secretary.id,
        createdAt: shanghaiAt(now, days - 3, 10),
      })
      .returning({ id: patrolPlans.id });
    await tx.insert(patrolMembers).values(
      accounts.map((a) => ({
        planId: plan!.id,
        userId: a.id,
        departmentId: a.username === 'dept' ? a.departmentId : null,
      })),
    );
    await tx
      .insert(patrolRouteGrids)
      .values(grids.map((g, position) => ({ planId: plan!.id, gridId: g.id, position })));
    return plan!.id;
  };

  const past = await addPlan('市容环境联合巡查（上周）', -7, 'done', '沿街店铺出店经营、暴露垃圾专项检查');
  // Last week's walk: every member checked in at every grid, a quarter of an hour apart.
  await tx
    .insert(patrolCheckIns)
    .values(
      grids.flatMap((g, i) =>
        accounts.map((a) => ({ planId: past, gridId: g.id, userId: a.id, at: shanghaiAt(now, -7, 9 + i * 0.25) })),
      ),
    );
  await addPlan('路南社区市容秩序联合巡查', 0, 'planned', '街道、社区、城管中队、网格员联合巡查，发现问题当场上报');
  return 2;
}
