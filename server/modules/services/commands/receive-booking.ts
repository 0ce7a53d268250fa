import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { runBookingStep } from './booking-step.ts';

/** 首问责任制: the first staff member to receive a booking becomes responsible for it. */
export async function receiveBooking(db: Db, actor: Actor, bookingId: number) {
  const { booking } = await runBookingStep(db, actor, bookingId, {
    action: 'receive',
    wrongState: '该预约已由他人受理或已结束',
    changes: { status: 'received', responsibleUserId: actor.userId },
    event: {},
  });
  return booking;
}
