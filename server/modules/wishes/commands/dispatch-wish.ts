import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { dispatchWishBody } from '../../../../contracts/wishes.ts';
import { WISH_KIND_LABELS } from '../../../../contracts/wishes.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { publishLive } from '../../../platform/live/events.ts';
import { notifications } from '../../cases/schema.ts';
import { enqueueNoticeDeliveries } from '../../notify/index.ts';
import { resolveAssignee } from '../assignees.ts';
import { authorizeWish, wishScopeWhere } from '../policy.ts';
import { wishItems } from '../schema.ts';
import { applyWishTransition } from './transition-wish.ts';

/** The assignee hears of it in the notification bell (the same in-app messages as cases). */
async function notifyAssignee(tx: Tx, userId: number, text: string, wishId: number) {
  await tx.insert(notifications).values({ userId, caseId: null, kind: 'wish.dispatch', text });
  await enqueueNoticeDeliveries(tx, [{ userId, kind: 'wish.dispatch', text }]);
  await publishLive(tx, { topic: 'notification', userId, payload: { wishId, kind: 'wish.dispatch', text } });
}

/**
 * 社区派单: the community gives an open item to a party member, a volunteer team (its leader
 * answers) or a co-building unit (its contact answers). The item becomes claimed by that
 * account, with the usual deadline, fulfil and confirm steps; on confirmation a party member
 * earns the 'wish.fulfilled' points exactly as for a claim.
 */
export async function dispatchWish(db: Db, actor: Actor, wishId: number, input: z.infer<typeof dispatchWishBody>) {
  return withTx(db, async (tx) => {
    const [wish] = await tx
      .select()
      .from(wishItems)
      .where(and(eq(wishItems.id, wishId), wishScopeWhere(actor)))
      .for('update');
    if (!wish) throw new AppError('NOT_FOUND');
    authorizeWish(actor, 'dispatch', wish);
    if (wish.version !== input.version) throw new AppError('CONFLICT');
    const assignee = await resolveAssignee(tx, wish, input.assignee.kind, input.assignee.id);
    const now = new Date();
    const days = input.claimDays ?? wish.claimDays;
    const row = await applyWishTransition(
      tx,
      actor,
      wish,
      { action: 'dispatch', version: input.version, note: input.note },
      now,
      {
        claimantUserId: assignee.userId,
        claimantName: assignee.name,
        claimDays: days,
        claimDueAt: new Date(now.getTime() + days * 86400_000),
        assigneeKind: assignee.kind,
        assigneeId: assignee.id,
        dispatchedBy: actor.userId,
        dispatchedAt: now,
      },
    );
    await notifyAssignee(
      tx,
      assignee.userId,
      `社区派单：${WISH_KIND_LABELS[wish.kind]}「${wish.title}」请在 ${days} 天内完成${input.note ? `（${input.note}）` : ''}`,
      wish.id,
    );
    return row;
  });
}
