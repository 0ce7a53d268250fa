import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import type { PeriodKind } from './schema.ts';
import { partyPosts, partyServiceItems } from './schema.ts';

interface ItemSpec {
  code: string;
  label: string;
  sourceKind: string;
  points: number;
}
interface PostSpec {
  name: string;
  duties: string;
  period: PeriodKind;
  targetPoints: number;
  items: ItemSpec[];
}

/**
 * The six posts of 设岗定责 with the service items the platform can count by itself (cases,
 * wishes, volunteer hours, meetings) and ones the branch enters with evidence ('manual').
 * Communities adjust points and targets afterwards; these are the starting configuration.
 */
export const DEFAULT_POSTS: PostSpec[] = [
  {
    name: '法制建设宣传员',
    duties: '开展法治宣传、协助矛盾调解',
    period: 'month',
    targetPoints: 6,
    items: [{ code: 'legal_promo', label: '开展法治宣传一次', sourceKind: 'manual', points: 2 }],
  },
  {
    name: '平安建设宣传员',
    duties: '参与平安巡防、宣传防诈防火',
    period: 'month',
    targetPoints: 6,
    items: [{ code: 'safety_patrol', label: '参加平安巡防一次', sourceKind: 'manual', points: 2 }],
  },
  {
    name: '社情民意联络员',
    duties: '收集社情民意、上报问题隐患',
    period: 'month',
    targetPoints: 6,
    items: [{ code: 'case_reported', label: '上报有效事件（立案）', sourceKind: 'case.accepted', points: 2 }],
  },
  {
    name: '文明新风倡导员',
    duties: '参加志愿服务、倡导文明新风',
    period: 'month',
    targetPoints: 6,
    items: [
      { code: 'volunteer_hour', label: '志愿服务每小时', sourceKind: 'volunteer.hour', points: 1 },
      { code: 'course_passed', label: '党校课程考试合格', sourceKind: 'school.passed', points: 2 },
    ],
  },
  {
    name: '民主管理监督员',
    duties: '参加协商议事、监督社区事务',
    period: 'quarter',
    targetPoints: 6,
    items: [{ code: 'meeting_attended', label: '参加议事会议一次', sourceKind: 'meeting.attended', points: 1 }],
  },
  {
    name: '党员服务协理员',
    duties: '认领微心愿、结对帮扶困难群众',
    period: 'month',
    targetPoints: 5,
    items: [
      { code: 'wish_fulfilled', label: '完成微心愿一个', sourceKind: 'wish.fulfilled', points: 5 },
      { code: 'service_record', label: '结对帮扶走访一次', sourceKind: 'manual', points: 2 },
    ],
  },
];

/** Creates the six default posts of a community where missing; safe to call again. */
export async function ensureDefaultPosts(tx: Queryable, community: { id: number; path: string }): Promise<number> {
  let created = 0;
  for (const [sort, spec] of DEFAULT_POSTS.entries()) {
    const [post] = await tx
      .insert(partyPosts)
      .values({
        communityId: community.id,
        communityPath: community.path,
        name: spec.name,
        duties: spec.duties,
        period: spec.period,
        targetPoints: spec.targetPoints,
        sort,
      })
      .onConflictDoNothing()
      .returning({ id: partyPosts.id });
    if (!post) continue;
    created++;
    await tx
      .insert(partyServiceItems)
      .values(spec.items.map((i) => ({ ...i, postId: post.id, communityId: community.id })))
      .onConflictDoNothing();
  }
  return created;
}

/** The community's item for a platform source kind (the first configured, by post order). */
export async function itemForSource(tx: Queryable, communityId: number, sourceKind: string, code?: string) {
  const rows = await tx
    .select()
    .from(partyServiceItems)
    .where(
      and(
        eq(partyServiceItems.communityId, communityId),
        code ? eq(partyServiceItems.code, code) : eq(partyServiceItems.sourceKind, sourceKind),
      ),
    )
    .orderBy(partyServiceItems.postId)
    .limit(1);
  return rows[0] ?? null;
}
