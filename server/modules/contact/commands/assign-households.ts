import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { assignBody } from '../../../../contracts/contact.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { isUnder, underPath } from '../../../platform/scope.ts';
import { hasAbility } from '../../accounts/abilities.ts';
import { users } from '../../accounts/schema.ts';
import { orgNodes } from '../../org/schema.ts';
import { communityIdOf } from '../load.ts';
import { authorizeContact } from '../policy.ts';
import { contactAssignments } from '../schema.ts';

/**
 * Gives households to a contact (包保): the houses named, or every house of a building. A house
 * already kept by someone else moves to the new contact (one contact per household).
 */
export async function assignHouseholds(db: Db, actor: Actor, input: z.infer<typeof assignBody>) {
  return withTx(db, async (tx) => {
    const houses = await housesOf(tx, input);
    if (!houses.length) throw invalid('houseNodeIds', '所选楼栋下没有房屋');
    for (const h of houses) authorizeContact(actor, 'manage', { path: h.path });
    const communityPath = houses[0]!.path.split('/').slice(0, 4).join('/') + '/';
    if (houses.some((h) => !isUnder(h.path, communityPath)))
      throw invalid('houseNodeIds', '一次只能分配同一社区的房屋');
    const [contact] = await tx
      .select({ id: users.id, role: users.role, path: orgNodes.path })
      .from(users)
      .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
      .where(and(eq(users.id, input.contactUserId), isNull(users.disabledAt)));
    const servesHere = contact && (isUnder(contact.path, communityPath) || isUnder(communityPath, contact.path));
    if (!contact || !hasAbility(contact.role, 'contact.visit') || !servesHere)
      throw invalid('contactUserId', '联户人须为本社区的干部、党员或工作人员');
    await tx
      .insert(contactAssignments)
      .values(
        houses.map((h) => ({
          houseNodeId: h.id,
          housePath: h.path,
          communityId: communityIdOf(h.path)!,
          contactUserId: contact.id,
          assignedBy: actor.userId,
        })),
      )
      .onConflictDoUpdate({
        target: contactAssignments.houseNodeId,
        set: { contactUserId: contact.id, assignedBy: actor.userId, assignedAt: sql`now()` },
      });
    await recordAudit(tx, actor, {
      action: 'contact.assign',
      targetType: 'user',
      targetId: contact.id,
      scopePath: communityPath,
      summary: { houses: houses.map((h) => h.id) },
    });
    return { assigned: houses.length };
  });
}

async function housesOf(tx: Tx, input: z.infer<typeof assignBody>) {
  if (input.buildingNodeId !== undefined) {
    const [building] = await tx
      .select({ path: orgNodes.path })
      .from(orgNodes)
      .where(and(eq(orgNodes.id, input.buildingNodeId), eq(orgNodes.level, 'building')));
    if (!building) throw invalid('buildingNodeId', '楼栋不存在');
    return tx
      .select({ id: orgNodes.id, path: orgNodes.path })
      .from(orgNodes)
      .where(and(eq(orgNodes.level, 'house'), underPath(orgNodes.path, building.path)));
  }
  const rows = await tx
    .select({ id: orgNodes.id, path: orgNodes.path })
    .from(orgNodes)
    .where(and(eq(orgNodes.level, 'house'), inArray(orgNodes.id, input.houseNodeIds)));
  if (rows.length !== new Set(input.houseNodeIds).size) throw invalid('houseNodeIds', '房屋不存在');
  return rows;
}
