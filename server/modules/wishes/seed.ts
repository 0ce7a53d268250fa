import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';
import type { WishState } from './lifecycle.ts';
import { wishEvents, wishItems, type WishKind } from './schema.ts';

export interface DemoCommunity {
  id: number;
  path: string;
  code: string;
  name: string;
}

const DAY = 86_400_000;
const WISHES: {
  kind: WishKind;
  title: string;
  description: string;
  state: WishState;
  category?: string;
  budget?: number;
  claimant?: 'member' | 'volunteer';
  daysAgo: number;
}[] = [
  {
    kind: 'wish',
    title: '想要一台助听器',
    description: '独居的王奶奶听力下降，打电话常听不清，希望有人帮忙配一台助听器。',
    state: 'open',
    category: '独居老人',
    budget: 600,
    daysAgo: 2,
  },
  {
    kind: 'wish',
    title: '孩子想要一套课外读物',
    description: '留守儿童小宇喜欢看书，希望得到一套适合四年级的课外读物。',
    state: 'open',
    category: '留守儿童',
    budget: 150,
    daysAgo: 4,
  },
  {
    kind: 'wish',
    title: '陪老人去医院复查',
    description: '李爷爷每月需去市立医院复查，子女在外地，希望有人陪同。',
    state: 'claimed',
    category: '高龄',
    claimant: 'member',
    daysAgo: 6,
  },
  {
    kind: 'wish',
    title: '修一修轮椅刹车',
    description: '轮椅刹车失灵，出门不安全。',
    state: 'fulfilled',
    category: '残疾人',
    claimant: 'volunteer',
    daysAgo: 12,
  },
  {
    kind: 'wish',
    title: '冬天想要一床厚棉被',
    description: '家里被褥单薄，冬天难熬。',
    state: 'thanked',
    category: '低保',
    budget: 200,
    claimant: 'member',
    daysAgo: 30,
  },
  {
    kind: 'project',
    title: '楼道加装扶手',
    description: '3 号楼老人多，楼道没有扶手，上下楼不便，申请微项目加装不锈钢扶手。',
    state: 'open',
    budget: 3000,
    daysAgo: 5,
  },
  {
    kind: 'service_post',
    title: '周末便民理发岗',
    description: '每周六上午在社区活动室为老人免费理发，招募有手艺的党员志愿者认领。',
    state: 'open',
    daysAgo: 8,
  },
  {
    kind: 'wish',
    title: '希望有人教我用手机挂号',
    description: '想学会用手机预约挂号和视频通话。',
    state: 'pending_review',
    category: '独居老人',
    daysAgo: 1,
  },
];

async function communityUsers(tx: Tx, community: DemoCommunity): Promise<Map<string, { id: number; name: string }>> {
  const r = await tx.execute<{ id: number; username: string; display_name: string }>(sql`
    select u.id, u.username, u.display_name from users u join org_nodes n on n.id = u.scope_node_id
    where n.path like ${community.path + '%'} and u.username in ('secretary','staff','member','volunteer','resident')`);
  return new Map(r.rows.map((u) => [u.username, { id: Number(u.id), name: u.display_name }]));
}

/** Micro-wishes, a micro-project and a service post of the demo community, in every stage of their life. */
export async function seedDemoWishes(tx: Tx, community: DemoCommunity, now = new Date()): Promise<number> {
  const people = await communityUsers(tx, community);
  const staff = people.get('secretary') ?? people.get('staff');
  if (!staff) return 0;
  const resident = people.get('resident') ?? staff;
  for (const w of WISHES) {
    const createdAt = new Date(now.getTime() - w.daysAgo * DAY);
    const claimant = w.claimant ? people.get(w.claimant) : undefined;
    const byResident = w.state === 'pending_review' || w.kind === 'wish';
    const [row] = await tx
      .insert(wishItems)
      .values({
        kind: w.kind,
        communityId: community.id,
        communityPath: community.path,
        title: w.title,
        description: w.description,
        budget: w.budget ?? null,
        beneficiaryCategory: w.category ?? null,
        requesterUserId: byResident ? resident.id : staff.id,
        onBehalf: 0,
        state: w.state,
        claimantUserId: claimant?.id ?? null,
        claimantName: claimant?.name ?? null,
        claimDays: 7,
        claimDueAt: w.state === 'claimed' ? new Date(createdAt.getTime() + 8 * DAY) : null,
        fulfilNote: ['fulfilled', 'thanked'].includes(w.state) ? '已送达并当面交接。' : null,
        thanks: w.state === 'thanked' ? '谢谢党员同志，今年冬天暖和了！' : null,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: wishItems.id });
    await tx.insert(wishEvents).values({
      wishId: row!.id,
      action: 'publish',
      fromState: null,
      toState: byResident ? 'pending_review' : 'open',
      actorUserId: byResident ? resident.id : staff.id,
      at: createdAt,
    });
  }
  return WISHES.length;
}
