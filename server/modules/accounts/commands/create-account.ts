import { eq } from 'drizzle-orm';
import type { CreateAccountBody } from '../../../../contracts/account-admin.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { judgePassword } from '../../../platform/auth/password-strength.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorizePlacement } from '../policy.ts';
import { departmentById, loadAccountInScope, nodeById } from '../queries.ts';
import { users } from '../schema.ts';
import { generateTemporaryPassword } from '../temp-password.ts';

export function duplicateUsername(username: string): AppError {
  return new AppError('DUPLICATE', {
    message: `用户名“${username}”已被使用`,
    details: [{ path: 'username', message: '用户名已被使用' }],
  });
}

export function weakPassword(path: string, reason: string): AppError {
  return new AppError('PASSWORD_TOO_WEAK', {
    message: `密码强度不足：${reason}`,
    details: [{ path, message: reason }],
  });
}

/** Creates one account. A password given by the administrator must be strong; otherwise one is generated and shown once. */
export async function createAccount(db: Db, actor: Actor, body: CreateAccountBody, ip: string) {
  const node = await nodeById(db, body.scopeNodeId);
  const department = body.departmentId ? await departmentById(db, body.departmentId) : null;
  authorizePlacement(actor, body.role, node, department);
  if (body.password !== undefined) {
    const verdict = judgePassword(body.password, [body.username, body.displayName]);
    if (!verdict.ok) throw weakPassword('password', verdict.reason!);
  }
  const password = body.password ?? generateTemporaryPassword();
  const passwordHash = await hashPassword(password);
  const id = await withTx(db, async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, body.username)).limit(1);
    if (taken) throw duplicateUsername(body.username);
    const [row] = await tx
      .insert(users)
      .values({
        username: body.username,
        displayName: body.displayName,
        phone: body.phone ?? null,
        role: body.role,
        scopeNodeId: node!.id,
        departmentId: body.role === 'department_handler' ? department!.id : null,
        passwordHash,
        createdBy: actor.userId,
        // Whoever types a password for someone else knows it: the owner replaces it at first sign-in.
        mustChangePassword: true,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row) throw duplicateUsername(body.username);
    await recordAudit(tx, actor, {
      action: 'accounts.create',
      targetType: 'user',
      targetId: row.id,
      scopePath: node!.path,
      summary: { username: body.username, role: body.role, scopeNodeId: node!.id },
      ip,
    });
    return row.id;
  });
  return {
    row: await loadAccountInScope(db, actor, id),
    temporaryPassword: body.password === undefined ? password : null,
  };
}
