import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';
import { volunteerActivities, volunteerSignups, volunteerTeams } from './schema.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// [title, place, days from now (negative: held), hours long, capacity]
const ACTIVITIES: [string, string, number, number, number][] = [
  ['河道沿线垃圾清捡', '社区北侧河道', -14, 2, 20],
  ['敬老院陪伴读报', '区社会福利院', -7, 3, 10],
  ['文明交通劝导', '社区东门路口', 3, 2, 12],
  ['防诈骗宣传进楼道', '社区活动室', 6, 2, 15],
  ['垃圾分类桶边督导', '各小区投放点', 10, 2, 30],
];

/** A volunteer team of the demo community and its activities: two held (signed in and out, minutes credited), three open for sign-up. */
export async function seedDemoVolunteering(
  tx: Tx,
  community: { id: number; path: string; name: string },
  now = new Date(),
): Promise<number> {
  const r = await tx.execute<{ id: number; username: string; display_name: string }>(sql`
    select u.id, u.username, u.display_name from users u join org_nodes n on n.id = u.scope_node_id
    where n.path like ${community.path + '%'} and u.username in ('secretary','volunteer','member')`);
  const people = new Map(r.rows.map((u) => [u.username, { id: Number(u.id), name: u.display_name }]));
  const creator = people.get('secretary');
  if (!creator) return 0;
  const leader = people.get('volunteer') ?? null;
  const [team] = await tx
    .insert(volunteerTeams)
    .values({
      communityId: community.id,
      communityPath: community.path,
      name: '党员志愿先锋队',
      leaderUserId: leader?.id ?? null,
      leaderName: leader?.name ?? null,
    })
    .returning({ id: volunteerTeams.id });
  const volunteers = [people.get('volunteer'), people.get('member')].filter(
    (p): p is { id: number; name: string } => !!p,
  );
  for (const [title, place, days, hours, capacity] of ACTIVITIES) {
    const startsAt = new Date(Math.floor((now.getTime() + days * DAY) / HOUR) * HOUR);
    const endsAt = new Date(startsAt.getTime() + hours * HOUR);
    const held = days < 0;
    const [activity] = await tx
      .insert(volunteerActivities)
      .values({
        teamId: team!.id,
        communityId: community.id,
        communityPath: community.path,
        title,
        place,
        startsAt,
        endsAt,
        capacity,
        confirmedCount: held ? volunteers.length : 0,
        checkinCode: randomBytes(6).toString('hex'),
        createdBy: creator.id,
        createdAt: new Date(startsAt.getTime() - 5 * DAY),
      })
      .returning({ id: volunteerActivities.id });
    if (!held) continue;
    await tx.insert(volunteerSignups).values(
      volunteers.map((v) => ({
        activityId: activity!.id,
        userId: v.id,
        userName: v.name,
        status: 'confirmed' as const,
        checkedInAt: startsAt,
        checkedOutAt: endsAt,
        minutes: hours * 60,
        createdAt: new Date(startsAt.getTime() - 2 * DAY),
      })),
    );
  }
  return ACTIVITIES.length;
}
