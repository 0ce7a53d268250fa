import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { users } from '../../accounts/schema.ts';
import { orgNodes } from '../../org/schema.ts';

/** The communities' gateway accounts (system users) the devices' cases are filed under. */
export async function gatewayActors(tx: Tx, userIds: number[]): Promise<Map<number, Actor>> {
  const rows = await tx
    .select({ user: users, path: orgNodes.path })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(inArray(users.id, [...new Set(userIds)]));
  return new Map(
    rows.map(({ user: u, path }) => [
      u.id,
      {
        userId: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        scopeNodeId: u.scopeNodeId,
        scopePath: path,
        departmentId: null,
        restriction: null,
      },
    ]),
  );
}

/** Each grid's worker accounts (一格一员: the accounts scoped on the grid with the grid-worker role). */
export async function gridWorkersOf(tx: Tx, gridIds: number[]): Promise<Map<number, number[]>> {
  const byGrid = new Map<number, number[]>();
  if (!gridIds.length) return byGrid;
  const rows = await tx
    .select({ id: users.id, gridId: users.scopeNodeId })
    .from(users)
    .where(and(inArray(users.scopeNodeId, [...new Set(gridIds)]), eq(users.role, 'grid_worker')));
  for (const r of rows) byGrid.set(r.gridId!, [...(byGrid.get(r.gridId!) ?? []), r.id]);
  return byGrid;
}
