import { eq, sql } from 'drizzle-orm';
import type { UpdateAccountBody } from '../../../../contracts/account-admin.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { authorizeAccount, authorizePlacement } from '../policy.ts';
import { departmentById, loadAccountInScope, nodeById, targetOf } from '../queries.ts';
import { users } from '../schema.ts';

/** Edits name, phone, role, scope and department; a new role or scope is checked like a new account. */
export async function updateAccount(db: Db, actor: Actor, id: number, body: UpdateAccountBody, ip: string) {
  const current = await loadAccountInScope(db, actor, id);
  authorizeAccount(actor, 'edit', targetOf(current));
  const role = body.role ?? current.user.role;
  const scopeNodeId = body.scopeNodeId ?? current.user.scopeNodeId;
  const departmentId = body.departmentId !== undefined ? body.departmentId : current.user.departmentId;
  const placementChanged =
    role !== current.user.role ||
    scopeNodeId !== current.user.scopeNodeId ||
    departmentId !== current.user.departmentId;
  let scopePath = current.scopePath;
  if (placementChanged) {
    const node = scopeNodeId ? await nodeById(db, scopeNodeId) : null;
    const department = role === 'department_handler' && departmentId ? await departmentById(db, departmentId) : null;
    authorizePlacement(actor, role, node, department);
    scopePath = node!.path;
  }
  const changes = {
    ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
    ...(body.phone !== undefined ? { phone: body.phone } : {}),
    role,
    scopeNodeId,
    departmentId: role === 'department_handler' ? departmentId : null,
  };
  await withTx(db, async (tx) => {
    await tx
      .update(users)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(users.id, id));
    await recordAudit(tx, actor, {
      action: 'accounts.update',
      targetType: 'user',
      targetId: id,
      scopePath,
      summary: { fields: Object.keys(body), ...(placementChanged ? { role, scopeNodeId } : {}) },
      ip,
    });
  });
  return loadAccountInScope(db, actor, id);
}
