import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { deliveryListQuery } from '../../../../contracts/notify.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { enqueueJob } from '../../../platform/jobs/queue.ts';
import { DELIVER_JOB } from '../enqueue.ts';
import { authorizeManage, deliveryScopeWhere } from '../policy.ts';
import { notifyDeliveries } from '../schema.ts';

const listed = {
  id: notifyDeliveries.id,
  channel: notifyDeliveries.channel,
  recipientMasked: notifyDeliveries.recipientMasked,
  kind: notifyDeliveries.kind,
  subject: notifyDeliveries.subject,
  urgent: notifyDeliveries.urgent,
  status: notifyDeliveries.status,
  attempts: notifyDeliveries.attempts,
  lastError: notifyDeliveries.lastError,
  nextAttemptAt: notifyDeliveries.nextAttemptAt,
  sentAt: notifyDeliveries.sentAt,
  createdAt: notifyDeliveries.createdAt,
};

/** The send log (newest first, keyset by id); `status: 'dead'` lists the dead letters. */
export async function listDeliveries(db: Db, actor: Actor, query: z.infer<typeof deliveryListQuery>) {
  authorizeManage(actor);
  return db
    .select(listed)
    .from(notifyDeliveries)
    .where(
      and(
        deliveryScopeWhere(actor),
        query.status ? eq(notifyDeliveries.status, query.status) : undefined,
        query.channel ? eq(notifyDeliveries.channel, query.channel) : undefined,
        query.beforeId ? lt(notifyDeliveries.id, query.beforeId) : undefined,
      ),
    )
    .orderBy(desc(notifyDeliveries.id))
    .limit(query.limit);
}

/** Puts a dead letter back in the queue with a fresh count of attempts. */
export async function resendDelivery(db: Db, actor: Actor, id: number) {
  authorizeManage(actor);
  return withTx(db, async (tx) => {
    const [found] = await tx
      .select({ status: notifyDeliveries.status })
      .from(notifyDeliveries)
      .where(and(eq(notifyDeliveries.id, id), deliveryScopeWhere(actor)));
    if (!found) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .update(notifyDeliveries)
      .set({ status: 'queued', attempts: 0, nextAttemptAt: sql`now()` })
      .where(and(eq(notifyDeliveries.id, id), eq(notifyDeliveries.status, 'dead')))
      .returning(listed);
    if (!row) throw new AppError('CONFLICT', { message: '只有失败（死信）的发送记录可以重新发送' });
    await enqueueJob(tx, DELIVER_JOB, { deliveryId: id });
    await recordAudit(tx, actor, {
      action: 'notify.delivery.resend',
      targetType: 'notify_delivery',
      targetId: id,
      scopePath: actor.scopePath,
      summary: { channel: row.channel, kind: row.kind },
    });
    return row;
  });
}
