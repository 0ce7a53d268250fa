import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateStationBody } from '../../../../contracts/services.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { loadStationVisible } from '../load.ts';
import { authorizeService } from '../policy.ts';
import { serviceStations } from '../schema.ts';

/**
 * Changes a station's name, address, opening hours, slot length or capacity. Slots already
 * open keep their times and capacity (people have booked them); the next opening uses the new values.
 */
export async function updateStation(db: Db, actor: Actor, id: number, input: z.infer<typeof updateStationBody>) {
  return withTx(db, async (tx) => {
    const station = await loadStationVisible(tx, actor, id);
    authorizeService(actor, 'manage', station.scopePath);
    if (!Object.keys(input).length) return station;
    const [row] = await tx.update(serviceStations).set(input).where(eq(serviceStations.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'services.station.update',
      targetType: 'service_station',
      targetId: id,
      scopePath: station.scopePath,
      summary: input,
    });
    return row!;
  });
}
