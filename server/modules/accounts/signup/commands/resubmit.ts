import { and, eq, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { identityClaim } from '../../../../../contracts/signup.ts';
import type { Actor } from '../../../../platform/auth/actor.ts';
import { recordAudit } from '../../../../platform/audit.ts';
import type { Db } from '../../../../platform/db/open.ts';
import { withTx } from '../../../../platform/db/tx.ts';
import { AppError } from '../../../../platform/errors.ts';
import { publishLive } from '../../../../platform/live/events.ts';
import { users } from '../../schema.ts';
import { loadHouse } from '../house.ts';
import { assertPhoneFree } from './claim-checks.ts';

/** The resident corrects what staff sent back (or what they typed wrong) and waits again. */
export async function resubmitClaim(db: Db, actor: Actor, input: z.infer<typeof identityClaim>) {
  return withTx(db, async (tx) => {
    const [me] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, actor.userId), isNotNull(users.verificationState)))
      .for('update');
    if (!me) throw new AppError('NOT_FOUND', { message: '您的账号无需实名核验' });
    if (me.verificationState === 'verified')
      throw new AppError('CONFLICT', { message: '您的账号已通过实名核验，无需再次提交' });
    const house = await loadHouse(tx, input.houseNodeId);
    await assertPhoneFree(tx, input.phone, me.id);
    await tx
      .update(users)
      .set({
        displayName: input.displayName,
        phone: input.phone,
        scopeNodeId: house.id,
        verificationState: 'pending',
        updatedAt: new Date(),
      })
      .where(eq(users.id, me.id));
    await recordAudit(tx, actor, {
      action: 'auth.signup.resubmit',
      targetType: 'user',
      targetId: me.id,
      scopePath: house.path,
      summary: { houseNodeId: house.id, previousNote: me.verificationNote },
    });
    await publishLive(tx, {
      topic: 'signup.submitted',
      scopePath: house.communityPath,
      payload: { userId: me.id, displayName: input.displayName },
    });
  });
}
