import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { serviceSlots } from '../schema.ts';
import { runBookingStep } from './booking-step.ts';

export async function completeBooking(db: Db, actor: Actor, bookingId: number, note: string) {
  const { booking } = await runBookingStep(db, actor, bookingId, {
    action: 'complete',
    wrongState: '只有办理中的预约可以办结',
    changes: { status: 'completed' },
    event: { note },
  });
  return booking;
}

/** Cancelling a visit frees its seat in the same transaction. */
export async function cancelBooking(db: Db, actor: Actor, bookingId: number) {
  const { booking } = await runBookingStep(db, actor, bookingId, {
    action: 'cancel',
    wrongState: '已受理的预约不能取消，请联系工作人员',
    async check(tx, row) {
      if (row.slotId)
        await tx
          .update(serviceSlots)
          .set({ booked: sql`${serviceSlots.booked} - 1` })
          .where(eq(serviceSlots.id, row.slotId));
    },
    changes: { status: 'cancelled' },
    event: {},
  });
  return booking;
}

export async function rateBooking(
  db: Db,
  actor: Actor,
  bookingId: number,
  input: { rating: number; comment?: string },
) {
  const { booking } = await runBookingStep(db, actor, bookingId, {
    action: 'rate',
    wrongState: '只能对已办结且未评价的服务评价',
    changes: { rating: input.rating, ratingComment: input.comment ?? null },
    event: { note: input.comment ?? null },
  });
  return booking;
}
