import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { publishWishBody } from '../../../../contracts/wishes.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { publishLive } from '../../../platform/live/events.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { orgNodes } from '../../org/schema.ts';
import { authorizePublishWish, publishesAsStaff } from '../policy.ts';
import { wishEvents, wishItems } from '../schema.ts';

/** The community a wish belongs to: the named one (staff, in scope) or the publisher's own. */
async function communityFor(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  actor: Actor,
  communityId: number | undefined,
) {
  if (communityId !== undefined) {
    if (!publishesAsStaff(actor)) throw invalid('communityId', '只能在本人所在社区发布');
    return loadNodeInScope(tx, actor, communityId, 'community').catch(() => {
      throw invalid('communityId', '社区不存在或不在您的管辖范围内');
    });
  }
  const ids = (actor.scopePath ?? '').split('/').filter(Boolean);
  if (ids.length < 3) throw invalid('communityId', '请选择社区');
  const [community] = await tx
    .select()
    .from(orgNodes)
    .where(eq(orgNodes.id, Number(ids[2])));
  if (!community || community.level !== 'community') throw invalid('communityId', '请选择社区');
  return community;
}

/**
 * A resident publishes a wish (or staff on behalf of a needy resident); the community reviews
 * it first, except that what staff publish themselves is open at once.
 */
export async function publishWish(db: Db, actor: Actor, input: z.infer<typeof publishWishBody>) {
  authorizePublishWish(actor);
  return withTx(db, async (tx) => {
    const community = await communityFor(tx, actor, input.communityId);
    const staff = publishesAsStaff(actor);
    const state = staff ? 'open' : 'pending_review';
    const [row] = await tx
      .insert(wishItems)
      .values({
        kind: input.kind,
        communityId: community.id,
        communityPath: community.path,
        title: input.title,
        description: input.description,
        budget: input.budget ?? null,
        beneficiaryCategory: input.beneficiary?.category ?? null,
        beneficiaryName: input.beneficiary?.name ?? null,
        requesterUserId: actor.userId,
        onBehalf: staff ? 1 : 0,
        state,
        claimDays: input.claimDays,
      })
      .returning();
    await tx
      .insert(wishEvents)
      .values({ wishId: row!.id, action: 'publish', toState: state, actorUserId: actor.userId });
    await recordAudit(tx, actor, {
      action: 'wishes.publish',
      targetType: 'wish',
      targetId: row!.id,
      scopePath: community.path,
      summary: { kind: input.kind, title: input.title, beneficiary: input.beneficiary?.category ?? null },
    });
    await publishLive(tx, { topic: 'wishes.changed', scopePath: community.path, payload: { wishId: row!.id, state } });
    return row!;
  });
}
