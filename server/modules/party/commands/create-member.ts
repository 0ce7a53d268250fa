import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createMemberBody } from '../../../../contracts/party.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { isUnder } from '../../../platform/scope.ts';
import { users } from '../../accounts/schema.ts';
import { orgNodes, partyOrgs } from '../../org/schema.ts';
import { findBranch } from '../branches.ts';
import { resolveWorkUnit } from '../co-units.ts';
import type { PartyViewer } from '../membership.ts';
import { canBranch } from '../policy.ts';
import { partyMembers } from '../schema.ts';

/** Enters a member into a branch's register (the branch or the community staff keep it). */
export async function createMember(db: Db, v: PartyViewer, input: z.infer<typeof createMemberBody>) {
  return withTx(db, async (tx) => {
    const branch = await findBranch(tx, input.branchOrgId);
    if (!branch || !canBranch(v, 'manage', branch)) throw invalid('branchOrgId', '党支部不存在或不在您的管辖范围内');
    // FOR SHARE waits for a retirement in progress (it holds FOR UPDATE and counts members after it).
    const [live] = await tx
      .select({ retiredAt: partyOrgs.retiredAt })
      .from(partyOrgs)
      .where(eq(partyOrgs.id, branch.id))
      .for('share');
    if (live?.retiredAt) throw invalid('branchOrgId', '该党支部已撤销，不能登记党员');
    if (input.userId !== undefined) {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
      if (!user) throw invalid('userId', '账号不存在');
      const [taken] = await tx
        .select({ id: partyMembers.id })
        .from(partyMembers)
        .where(eq(partyMembers.userId, input.userId));
      if (taken)
        throw new AppError('DUPLICATE', {
          message: '该账号已关联党员档案',
          details: [{ path: 'userId', message: '已关联' }],
        });
    }
    let homePath: string | null = null;
    if (input.homeNodeId !== undefined) {
      const [home] = await tx
        .select({ path: orgNodes.path, level: orgNodes.level })
        .from(orgNodes)
        .where(eq(orgNodes.id, input.homeNodeId));
      if (!home || !['house', 'building'].includes(home.level) || !isUnder(home.path, branch.communityPath))
        throw invalid('homeNodeId', '住址须为本社区的房屋或楼栋');
      homePath = home.path;
    }
    const work = await resolveWorkUnit(tx, input.kind, input, { workUnit: null });
    const [row] = await tx
      .insert(partyMembers)
      .values({
        userId: input.userId ?? null,
        name: input.name,
        kind: input.kind,
        duty: input.duty,
        branchOrgId: branch.id,
        branchPath: branch.scopePath,
        homeCommunityId: branch.communityId,
        homeNodeId: input.homeNodeId ?? null,
        homePath,
        workUnit: work.workUnit,
        coUnitId: work.coUnitId,
      })
      .returning();
    await recordAudit(tx, v.actor, {
      action: 'party.member.create',
      targetType: 'party_member',
      targetId: row!.id,
      scopePath: branch.scopePath,
      summary: { name: input.name, branchOrgId: branch.id, kind: input.kind, coUnitId: work.coUnitId },
    });
    return row!;
  });
}
