import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { invalid } from '../../../platform/errors.ts';
import { users } from '../../accounts/schema.ts';
import { orgNodes } from '../../org/schema.ts';
import { mayTakeOverBooking } from '../policy.ts';
import { runBookingStep } from './booking-step.ts';

/** An explicit handover: the responsibility moves to a colleague who can handle the booking, with a reason. */
export async function handoverBooking(
  db: Db,
  actor: Actor,
  bookingId: number,
  input: { toUserId: number; note: string },
) {
  const { booking } = await runBookingStep(db, actor, bookingId, {
    action: 'handover',
    wrongState: '只有办理中的预约可以移交',
    async check(tx, row) {
      if (input.toUserId === actor.userId) throw invalid('toUserId', '不能移交给自己');
      const [to] = await tx
        .select({ role: users.role, path: orgNodes.path, disabledAt: users.disabledAt })
        .from(users)
        .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
        .where(eq(users.id, input.toUserId));
      if (!to || !mayTakeOverBooking(to, row)) throw invalid('toUserId', '接收人须为负责该居民所在范围的工作人员');
    },
    changes: { responsibleUserId: input.toUserId },
    event: { toUserId: input.toUserId, note: input.note },
  });
  return booking;
}
