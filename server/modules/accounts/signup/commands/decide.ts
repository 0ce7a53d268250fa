import { and, eq, isNotNull } from 'drizzle-orm';
import type { Actor } from '../../../../platform/auth/actor.ts';
import { recordAudit } from '../../../../platform/audit.ts';
import type { Db } from '../../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../../platform/errors.ts';
import { publishLive } from '../../../../platform/live/events.ts';
import { residentLivingUnder } from '../../../people/index.ts';
import { orgNodes } from '../../../org/schema.ts';
import { users } from '../../schema.ts';
import { communityPathOf } from '../house.ts';
import { authorizeSignup, signupScopeWhere, type SignupAction } from '../policy.ts';

/** Loads a sign-up in the actor's scope for a decision, locked (404 outside scope, 403 without the right). */
async function loadForDecision(tx: Tx, actor: Actor, id: number, action: SignupAction) {
  const [row] = await tx
    .select({ user: users, housePath: orgNodes.path })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(
      and(
        eq(users.id, id),
        eq(users.role, 'resident'),
        isNotNull(users.verificationState),
        signupScopeWhere(actor, orgNodes.path),
      ),
    )
    .for('update', { of: users });
  if (!row) throw new AppError('NOT_FOUND');
  authorizeSignup(actor, action, row.housePath);
  return row;
}

/**
 * Verifies a sign-up against a base-data resident living in the same community. The account
 * moves to the person's registered house (base data is the authority on where they live).
 */
export async function verifySignup(db: Db, actor: Actor, id: number, personId: number) {
  return withTx(db, async (tx) => {
    const { user, housePath } = await loadForDecision(tx, actor, id, 'verify');
    if (user.verificationState === 'verified') throw new AppError('CONFLICT', { message: '该注册已通过核验' });
    const person = await residentLivingUnder(tx, personId, communityPathOf(housePath));
    if (!person) throw invalid('personId', '所选居民不在本社区实有人口中（或已迁出）');
    await tx
      .update(users)
      .set({
        verificationState: 'verified',
        verificationNote: null,
        personId: person.id,
        verifiedBy: actor.userId,
        verifiedAt: new Date(),
        scopeNodeId: person.houseNodeId,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await recordAudit(tx, actor, {
      action: 'accounts.signup.verify',
      targetType: 'user',
      targetId: user.id,
      scopePath: housePath,
      summary: { personId: person.id, houseNodeId: person.houseNodeId },
    });
    await publishLive(tx, { topic: 'signup.decided', userId: user.id, payload: { state: 'verified' } });
  });
}

/** Sends a sign-up back with a note the resident reads; they may correct it and resubmit. */
export async function rejectSignup(db: Db, actor: Actor, id: number, note: string) {
  return withTx(db, async (tx) => {
    const { user, housePath } = await loadForDecision(tx, actor, id, 'reject');
    if (user.verificationState !== 'pending')
      throw new AppError('CONFLICT', {
        message:
          user.verificationState === 'verified' ? '该注册已通过核验，不能退回' : '该注册已退回，等待居民修改后重新提交',
      });
    await tx
      .update(users)
      .set({
        verificationState: 'rejected',
        verificationNote: note,
        verifiedBy: actor.userId,
        verifiedAt: null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await recordAudit(tx, actor, {
      action: 'accounts.signup.reject',
      targetType: 'user',
      targetId: user.id,
      scopePath: housePath,
      summary: { note },
    });
    await publishLive(tx, { topic: 'signup.decided', userId: user.id, payload: { state: 'rejected' } });
  });
}
