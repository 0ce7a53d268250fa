import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';
import { users } from '../accounts/schema.ts';
import { coUnits, orgNodes, partyOrgs } from '../org/schema.ts';
import { createRng, hashSeed } from '../../platform/demo-data/prng.ts';
import { personName } from '../../platform/demo-data/names.ts';
import type { SeededTree } from '../org/demo-tree.ts';
import { ensureDefaultPosts } from './default-posts.ts';
import { monthBounds, monthOf } from './periods.ts';
import { partyMemberPosts, partyMembers, partyPoints, partyPosts } from './schema.ts';

const MEMBERS_PER_BRANCH = 8;

/**
 * Demo party data: the six posts in every community; in the first street's first community,
 * eight members per grid branch (the demo `member` account is one of grid 1's, with two approved
 * posts) and last month's branch-entered records, so the red/yellow list has something to show.
 * Does nothing when members already exist.
 */
export async function seedParty(tx: Tx, tree: SeededTree): Promise<void> {
  const [any] = await tx.select({ id: partyMembers.id }).from(partyMembers).limit(1);
  if (any) return;
  for (const street of tree.streets)
    for (const community of street.communities) await ensureDefaultPosts(tx, community);
  const community = tree.streets[0]?.communities[0];
  if (!community) return;
  const rng = createRng(hashSeed('party', community.code));
  const branches = await tx
    .select({ id: partyOrgs.id, nodeId: partyOrgs.nodeId, scopePath: partyOrgs.scopePath })
    .from(partyOrgs)
    .where(
      and(
        eq(partyOrgs.kind, 'grid_branch'),
        inArray(
          partyOrgs.nodeId,
          community.grids.map((g) => g.id),
        ),
      ),
    );
  const [memberUser] = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.username, 'member'));
  const posts = await tx
    .select({ id: partyPosts.id, name: partyPosts.name })
    .from(partyPosts)
    .where(eq(partyPosts.communityId, community.id));
  // The in-service members work at a co-building unit, named by id: its contact (`counit`) sees them.
  const [unit] = await tx
    .select({ id: coUnits.id, name: coUnits.name })
    .from(coUnits)
    .where(eq(coUnits.name, '区供电公司'))
    .limit(1);
  const lastMonth = monthBounds(monthOf(new Date(monthBounds(monthOf(new Date())).start.getTime() - 1)));
  for (const branch of branches) {
    const grid = community.grids.find((g) => g.id === branch.nodeId)!;
    const ownGrid = grid.id === community.grids[0]!.id;
    // A member's home is a house (党员户), one per building; the building itself where houses were not generated.
    const buildings = grid.buildingIds.slice(0, MEMBERS_PER_BRANCH);
    const houses = buildings.length
      ? await tx
          .selectDistinctOn([orgNodes.parentId], { id: orgNodes.id, path: orgNodes.path })
          .from(orgNodes)
          .where(and(eq(orgNodes.level, 'house'), inArray(orgNodes.parentId, buildings)))
          .orderBy(orgNodes.parentId, orgNodes.id)
      : [];
    const homes = houses.length
      ? houses
      : buildings.length
        ? await tx
            .select({ id: orgNodes.id, path: orgNodes.path })
            .from(orgNodes)
            .where(inArray(orgNodes.id, buildings))
        : [];
    const rows = Array.from({ length: MEMBERS_PER_BRANCH }, (_, i) => ({
      name: ownGrid && i === 0 && memberUser ? memberUser.name : personName(rng),
      userId: ownGrid && i === 0 && memberUser ? memberUser.id : null,
      kind: (['regular', 'regular', 'retired', 'in_service'] as const)[i % 4],
      duty: (i === 1 ? 'secretary' : 'member') as 'secretary' | 'member',
      branchOrgId: branch.id,
      branchPath: branch.scopePath,
      homeCommunityId: community.id,
      homeNodeId: homes[i % Math.max(1, homes.length)]?.id ?? null,
      homePath: homes[i % Math.max(1, homes.length)]?.path ?? null,
      workUnit: i % 4 === 3 ? (unit?.name ?? '区供电公司') : null,
      coUnitId: i % 4 === 3 ? (unit?.id ?? null) : null,
      joinedOn: '2024-01-01',
    }));
    const members = await tx
      .insert(partyMembers)
      .values(rows)
      .returning({ id: partyMembers.id, userId: partyMembers.userId });
    await tx
      .insert(partyMemberPosts)
      .values(
        members.map((m, i) => ({ memberId: m.id, postId: posts[i % posts.length]!.id, state: 'approved' as const })),
      );
    const points = members.flatMap((m, i) =>
      Array.from({ length: i % 5 }, (_, k) => ({
        memberId: m.id,
        branchOrgId: branch.id,
        communityId: community.id,
        sourceKind: 'manual',
        sourceId: `seed-${m.id}-${k}`,
        item: k % 2 ? 'safety_patrol' : 'service_record',
        points: 2,
        occurredAt: new Date(lastMonth.start.getTime() + (k + 1) * 3 * 86400_000),
        evidence: '签到表',
        note: '演示数据',
      })),
    );
    if (points.length) await tx.insert(partyPoints).values(points);
  }
}
