import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { loadStationVisible } from '../load.ts';
import { authorizeService } from '../policy.ts';
import { serviceSlots } from '../schema.ts';
import { slotsFor } from '../slots.ts';

/** Opens the slots of `days` days from the station's opening hours; slots already open are kept as they are. */
export async function openSlots(db: Db, actor: Actor, stationId: number, input: { from: string; days: number }) {
  return withTx(db, async (tx) => {
    const station = await loadStationVisible(tx, actor, stationId);
    authorizeService(actor, 'manage', station.scopePath);
    const slots = slotsFor(station.openingHours, station.slotMinutes, input.from, input.days);
    const inserted = slots.length
      ? await tx
          .insert(serviceSlots)
          .values(slots.map((s) => ({ ...s, stationId, capacity: station.capacityPerSlot })))
          .onConflictDoNothing()
          .returning({ id: serviceSlots.id })
      : [];
    await recordAudit(tx, actor, {
      action: 'services.slots.open',
      targetType: 'service_station',
      targetId: stationId,
      scopePath: station.scopePath,
      summary: input,
    });
    return { opened: inserted.length };
  });
}
