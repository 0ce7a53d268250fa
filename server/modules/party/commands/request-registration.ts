import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { registrationBody } from '../../../../contracts/party.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { publishLive } from '../../../platform/live/events.ts';
import { isUnder } from '../../../platform/scope.ts';
import { orgNodes } from '../../org/schema.ts';
import { resolveWorkUnit } from '../co-units.ts';
import { loadOwnMember } from '../load-member.ts';
import type { PartyViewer } from '../membership.ts';
import { authorizeMember } from '../policy.ts';
import { partyMembers } from '../schema.ts';

/** 双报到: a member registers at the community where they live; the community confirms it. */
export async function requestRegistration(db: Db, v: PartyViewer, input: z.infer<typeof registrationBody>) {
  return withTx(db, async (tx) => {
    const member = await loadOwnMember(tx, v, true);
    authorizeMember(v, 'self', member);
    if (member.registrationState === 'pending') throw new AppError('CONFLICT', { message: '已有待社区确认的报到申请' });
    const [community] = await tx
      .select({ id: orgNodes.id, path: orgNodes.path })
      .from(orgNodes)
      .where(and(eq(orgNodes.id, input.communityId), eq(orgNodes.level, 'community')));
    if (!community) throw invalid('communityId', '社区不存在');
    if (community.id === member.homeCommunityId && !member.registeredCommunityId)
      throw invalid('communityId', '所在支部已属该社区，无需双报到');
    let homePath: string | null = member.homePath;
    if (input.homeNodeId !== undefined) {
      const [home] = await tx.select({ path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, input.homeNodeId));
      if (!home || !isUnder(home.path, community.path)) throw invalid('homeNodeId', '住址须在报到社区内');
      homePath = home.path;
    }
    const work = await resolveWorkUnit(tx, input.kind, input, member);
    const [row] = await tx
      .update(partyMembers)
      .set({
        kind: input.kind,
        workUnit: work.workUnit,
        coUnitId: work.coUnitId,
        registeredCommunityId: community.id,
        registeredPath: community.path,
        registrationState: 'pending',
        homeNodeId: input.homeNodeId ?? member.homeNodeId,
        homePath,
        version: sql`${partyMembers.version} + 1`,
      })
      .where(eq(partyMembers.id, member.id))
      .returning();
    await recordAudit(tx, v.actor, {
      action: 'party.registration.request',
      targetType: 'party_member',
      targetId: member.id,
      scopePath: community.path,
      summary: { communityId: community.id, kind: input.kind, workUnit: work.workUnit, coUnitId: work.coUnitId },
    });
    await publishLive(tx, { topic: 'party.registration', scopePath: community.path, payload: { memberId: member.id } });
    return row!;
  });
}
