import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { registerDeviceBody } from '../../../../contracts/devices.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { users } from '../../accounts/schema.ts';
import { orgNodes } from '../../org/schema.ts';
import { authorizeDevice } from '../policy.ts';
import { devices } from '../schema.ts';

/** A password hash nothing verifies against: the gateway account can never sign in. */
const NO_LOGIN = '!device-gateway-account';

/**
 * The community's device gateway: a system account (role community_staff, scoped to the
 * community, username `devices:<community code>`) in whose name alarm cases are filed, so they
 * enter the community's intake like any registration — the same pattern as Open311 clients.
 */
async function gatewayAccount(tx: Tx, community: { id: number; code: string; name: string }): Promise<number> {
  const username = `devices:${community.code}`;
  const [found] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (found) return found.id;
  const [created] = await tx
    .insert(users)
    .values({
      username,
      displayName: `设备告警·${community.name}`,
      passwordHash: NO_LOGIN,
      role: 'community_staff',
      scopeNodeId: community.id,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (created) return created.id;
  return (await tx.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
}

/** Registers a device at a building or house the actor covers; its position defaults to the building's. */
export async function registerDevice(db: Db, actor: Actor, input: z.infer<typeof registerDeviceBody>) {
  return withTx(db, async (tx) => {
    const [node] = await tx
      .select()
      .from(orgNodes)
      .where(and(eq(orgNodes.id, input.nodeId), isNull(orgNodes.retiredAt)));
    if (!node || (node.level !== 'building' && node.level !== 'house'))
      throw invalid('nodeId', '请选择设备安装的楼栋或房屋');
    authorizeDevice(actor, 'manage', { scopePath: node.path });
    const ids = node.path.split('/').filter(Boolean).map(Number);
    const chain = await tx.select().from(orgNodes).where(inArray(orgNodes.id, ids));
    const byLevel = (level: string) => chain.find((n) => n.level === level);
    const community = byLevel('community');
    if (!community) throw invalid('nodeId', '该位置不属于任何社区');
    const building = byLevel('building');
    const address = chain
      .filter((n) => ['community', 'grid', 'estate', 'building', 'house'].includes(n.level))
      .sort((a, b) => a.path.length - b.path.length)
      .map((n) => n.name)
      .join(' ');
    const lng = input.lng ?? building?.lng ?? null;
    const lat = input.lat ?? building?.lat ?? null;
    const [row] = await tx
      .insert(devices)
      .values({
        code: input.code,
        kind: input.kind,
        name: input.name,
        nodeId: node.id,
        gridId: byLevel('grid')?.id ?? null,
        communityId: community.id,
        scopePath: node.path,
        address,
        lng,
        lat,
        gatewayUserId: await gatewayAccount(tx, community),
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('DUPLICATE', { message: `设备编号 ${input.code} 已登记` });
    await recordAudit(tx, actor, {
      action: 'devices.register',
      targetType: 'device',
      targetId: row.id,
      scopePath: node.path,
      summary: { code: row.code, kind: row.kind },
    });
    return row;
  });
}

/** Retires a device: its later alarms are refused (logged), its history stays. */
export async function retireDevice(db: Db, actor: Actor, deviceId: number, scopeWhere: ReturnType<typeof sql>) {
  return withTx(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(devices)
      .where(and(eq(devices.id, deviceId), scopeWhere))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    authorizeDevice(actor, 'manage', row);
    const [updated] = await tx.update(devices).set({ active: false }).where(eq(devices.id, deviceId)).returning();
    await recordAudit(tx, actor, {
      action: 'devices.retire',
      targetType: 'device',
      targetId: deviceId,
      scopePath: row.scopePath,
      summary: { code: row.code },
    });
    return updated!;
  });
}
