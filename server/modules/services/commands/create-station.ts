import type { z } from 'zod';
import type { createStationBody } from '../../../../contracts/services.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { authorizeService } from '../policy.ts';
import { serviceStations } from '../schema.ts';

/** 党群服务驿站 with its opening hours and how many people one slot takes. */
export async function createStation(db: Db, actor: Actor, input: z.infer<typeof createStationBody>) {
  return withTx(db, async (tx) => {
    const community = await loadNodeInScope(tx, actor, input.communityId, 'community');
    authorizeService(actor, 'manage', community.path);
    const [row] = await tx
      .insert(serviceStations)
      .values({ ...input, scopePath: community.path })
      .returning();
    await recordAudit(tx, actor, {
      action: 'services.station.create',
      targetType: 'service_station',
      targetId: row!.id,
      scopePath: community.path,
      summary: { name: input.name },
    });
    return row!;
  });
}
