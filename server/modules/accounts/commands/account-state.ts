import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { authorizeAccount } from '../policy.ts';
import { loadAccountInScope, targetOf } from '../queries.ts';
import { sessions, users } from '../schema.ts';
import { generateTemporaryPassword } from '../temp-password.ts';

/** Disables (and signs out everywhere) or re-enables an account. */
export async function setAccountDisabled(db: Db, actor: Actor, id: number, disabled: boolean, ip: string) {
  const current = await loadAccountInScope(db, actor, id);
  authorizeAccount(actor, disabled ? 'disable' : 'enable', targetOf(current));
  await withTx(db, async (tx) => {
    await tx
      .update(users)
      .set({ disabledAt: disabled ? sql`now()` : null, updatedAt: sql`now()` })
      .where(eq(users.id, id));
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, {
      action: disabled ? 'accounts.disable' : 'accounts.enable',
      targetType: 'user',
      targetId: id,
      scopePath: current.scopePath,
      summary: { username: current.user.username },
      ip,
    });
  });
  return loadAccountInScope(db, actor, id);
}

/** Issues a one-time password (returned once, stored only as its hash) and revokes every session of the account. */
export async function resetAccountPassword(db: Db, actor: Actor, id: number, ip: string) {
  const current = await loadAccountInScope(db, actor, id);
  authorizeAccount(actor, 'reset', targetOf(current));
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await withTx(db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: sql`now()` })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, {
      action: 'accounts.reset_password',
      targetType: 'user',
      targetId: id,
      scopePath: current.scopePath,
      summary: { username: current.user.username },
      ip,
    });
  });
  return { row: await loadAccountInScope(db, actor, id), temporaryPassword };
}
