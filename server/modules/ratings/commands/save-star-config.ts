import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import type { Indicator } from '../formulas.ts';
import { authorizeRating } from '../policy.ts';
import { starRatingConfigs } from '../schema.ts';

/** Street-level indicator weights and targets; runs copy them into their inputs, so old results keep theirs. */
export async function saveStarConfig(db: Db, actor: Actor, streetId: number, indicators: Indicator[]) {
  return withTx(db, async (tx) => {
    const street = await loadNodeInScope(tx, actor, streetId, 'street');
    authorizeRating(actor, 'compute', street.path);
    const [row] = await tx
      .insert(starRatingConfigs)
      .values({ streetId, indicators, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: starRatingConfigs.streetId,
        set: { indicators, updatedBy: actor.userId, updatedAt: new Date() },
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'ratings.star_config',
      targetType: 'street',
      targetId: streetId,
      scopePath: street.path,
      summary: { indicators },
    });
    return row!;
  });
}
