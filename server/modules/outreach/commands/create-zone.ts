import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { createZoneBody } from '../../../../contracts/outreach.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { isUnder, underPath } from '../../../platform/scope.ts';
import { users } from '../../accounts/schema.ts';
import { orgNodes } from '../../org/schema.ts';
import { membersOfCommunity } from '../../party/index.ts';
import { authorizeOutreach } from '../policy.ts';
import { staffRolesForZones } from '../queries.ts';
import { outreachZoneBuildings, outreachZones } from '../schema.ts';

/** 一区两员: a zone of buildings with a responsibility member (party member) and a service member (staff). */
export async function createZone(db: Db, actor: Actor, input: z.infer<typeof createZoneBody>) {
  return withTx(db, async (tx) => {
    const [community] = await tx
      .select({ id: orgNodes.id, path: orgNodes.path })
      .from(orgNodes)
      .where(and(eq(orgNodes.id, input.communityId), eq(orgNodes.level, 'community')));
    if (!community) throw new AppError('NOT_FOUND');
    authorizeOutreach(actor, 'manage', community.path);
    const buildings = await tx
      .select({ id: orgNodes.id, path: orgNodes.path })
      .from(orgNodes)
      .where(
        and(
          eq(orgNodes.level, 'building'),
          inArray(orgNodes.id, input.buildingNodeIds),
          underPath(orgNodes.path, community.path),
        ),
      );
    if (buildings.length !== new Set(input.buildingNodeIds).size)
      throw invalid('buildingNodeIds', '所选楼栋不存在或不属于本社区');
    const members = await membersOfCommunity(tx, community.path);
    if (!members.some((m) => m.id === input.responsibilityMemberId))
      throw invalid('responsibilityMemberId', '责任党员须为本社区的在册党员');
    const [staff] = await tx
      .select({ role: users.role, path: orgNodes.path })
      .from(users)
      .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
      .where(and(eq(users.id, input.serviceUserId), isNull(users.disabledAt)));
    if (
      !staff ||
      !(staffRolesForZones as readonly string[]).includes(staff.role) ||
      !isUnder(staff.path, community.path)
    )
      throw invalid('serviceUserId', '服务专员须为本社区的工作人员或网格员');
    const [zone] = await tx
      .insert(outreachZones)
      .values({
        communityId: community.id,
        communityPath: community.path,
        name: input.name,
        responsibilityMemberId: input.responsibilityMemberId,
        serviceUserId: input.serviceUserId,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!zone) throw invalid('name', '本社区已有同名责任区');
    const placed = await tx
      .insert(outreachZoneBuildings)
      .values(buildings.map((b) => ({ buildingNodeId: b.id, zoneId: zone.id, buildingPath: b.path })))
      .onConflictDoNothing()
      .returning({ id: outreachZoneBuildings.buildingNodeId });
    // A building already in another zone: nothing of this zone is kept (the transaction rolls back).
    if (placed.length !== buildings.length) throw invalid('buildingNodeIds', '有楼栋已属于其他责任区');
    await recordAudit(tx, actor, {
      action: 'outreach.zone.create',
      targetType: 'outreach_zone',
      targetId: zone.id,
      scopePath: community.path,
      summary: { name: zone.name, buildings: buildings.length },
    });
    return zone;
  });
}
