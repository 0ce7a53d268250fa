import type { Tx } from '../../platform/db/tx.ts';
import { publishLive } from '../../platform/live/events.ts';
import type { BookingRow } from './schema.ts';

/**
 * Announces a booking change in the caller's transaction: the handlers covering the resident's
 * place (inbox) by scope, and the resident and whoever asked for them by user (status visible to them).
 */
export async function publishBookingChange(tx: Tx, row: BookingRow, action: string): Promise<void> {
  const payload = { bookingId: row.id, status: row.status, action };
  await publishLive(tx, { topic: 'booking.changed', scopePath: row.scopePath, payload });
  const people = new Set([row.residentUserId, row.requestedBy].filter((id): id is number => id !== null));
  for (const userId of people) await publishLive(tx, { topic: 'booking.changed', userId, payload });
}
