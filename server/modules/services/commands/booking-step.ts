import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { publishBookingChange } from '../live.ts';
import { loadBooking } from '../load.ts';
import { assertBooking } from '../policy.ts';
import type { BookingAction } from '../policy.ts';
import { bookingEvents, bookings, type BookingRow } from '../schema.ts';

export interface BookingStep {
  action: BookingAction;
  wrongState: string;
  /** Extra checks inside the transaction (e.g. the handover target). */
  check?(tx: Tx, row: BookingRow): Promise<void>;
  changes: Partial<typeof bookings.$inferInsert>;
  event: { toUserId?: number | null; note?: string | null };
}

/**
 * The frame every booking verb shares: lock the row, check who may do what in which state
 * (policy), write the change and its event and audit row together.
 */
export async function runBookingStep(db: Db, actor: Actor, bookingId: number, step: BookingStep) {
  return withTx(db, async (tx) => {
    const row = await loadBooking(tx, actor, bookingId, true);
    assertBooking(actor, step.action, row, step.wrongState);
    await step.check?.(tx, row);
    const [updated] = await tx
      .update(bookings)
      .set({ ...step.changes, updatedAt: sql`now()` })
      .where(eq(bookings.id, bookingId))
      .returning();
    await tx.insert(bookingEvents).values({
      bookingId,
      action: step.action,
      actorUserId: actor.userId,
      toUserId: step.event.toUserId ?? null,
      note: step.event.note ?? null,
    });
    await recordAudit(tx, actor, {
      action: `services.booking.${step.action}`,
      targetType: 'booking',
      targetId: bookingId,
      scopePath: row.scopePath,
      summary: step.event,
    });
    await publishBookingChange(tx, updated!, step.action);
    return { before: row, booking: updated! };
  });
}
