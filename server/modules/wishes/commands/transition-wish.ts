import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { wishTransitionBody } from '../../../../contracts/wishes.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { publishLive } from '../../../platform/live/events.ts';
import { awardPoints } from '../../party/index.ts';
import { nextWishState, WISH_TRANSITIONS, WishTransitionError, type WishAction } from '../lifecycle.ts';
import { authorizeWish, wishScopeWhere } from '../policy.ts';
import { wishEvents, wishItems, type WishRow } from '../schema.ts';

type Input = Omit<z.infer<typeof wishTransitionBody>, 'action'> & { action: WishAction };
/** Fields an action sets beyond `changes` (dispatch: the assignee and the claimant answering for it). */
export type WishFields = Partial<typeof wishItems.$inferInsert>;
const NO_ASSIGNEE = { assigneeKind: null, assigneeId: null, dispatchedBy: null, dispatchedAt: null } as const;

/** Field changes each action makes besides the state. */
function changes(
  action: WishAction,
  actor: Actor | null,
  wish: WishRow,
  input: Input,
  now: Date,
): Partial<typeof wishItems.$inferInsert> {
  switch (action) {
    case 'claim':
      return {
        ...NO_ASSIGNEE,
        claimantUserId: actor!.userId,
        claimantName: actor!.displayName,
        claimDueAt: new Date(now.getTime() + wish.claimDays * 86400_000),
      };
    // A released dispatch goes back on the board for anyone (or another dispatch).
    case 'release':
      return { ...NO_ASSIGNEE, claimantUserId: null, claimantName: null, claimDueAt: null };
    case 'fulfil':
      return { photo: input.photo!, fulfilNote: input.note ?? null, claimDueAt: null };
    case 'return':
      return { claimDueAt: new Date(now.getTime() + wish.claimDays * 86400_000) };
    case 'thank':
      return { thanks: input.note ?? '感谢' };
    default:
      return {};
  }
}

/**
 * Applies one transition in one transaction. The version check in the UPDATE makes concurrent
 * actions safe: of two claimants racing for one wish, one update matches and the other gets 409.
 */
export async function applyWishTransition(
  tx: Tx,
  actor: Actor | null,
  wish: WishRow,
  input: Input,
  now = new Date(),
  fields: WishFields = {},
): Promise<WishRow> {
  let to;
  try {
    to = nextWishState(wish.state, input.action);
  } catch (e) {
    if (e instanceof WishTransitionError) throw new AppError('CASE_INVALID_TRANSITION', { message: e.message });
    throw e;
  }
  for (const field of WISH_TRANSITIONS[input.action].requires)
    if (!input[field]) throw invalid(field, '此操作必须填写');
  const [row] = await tx
    .update(wishItems)
    .set({
      ...changes(input.action, actor, wish, input, now),
      ...fields,
      state: to,
      version: sql`${wishItems.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(wishItems.id, wish.id), eq(wishItems.version, input.version), eq(wishItems.state, wish.state)))
    .returning();
  if (!row) throw new AppError('CONFLICT');
  await tx.insert(wishEvents).values({
    wishId: wish.id,
    action: input.action,
    fromState: wish.state,
    toState: to,
    actorUserId: actor?.userId ?? null,
    detail: {
      reason: input.reason ?? null,
      note: input.note ?? null,
      ...(fields.assigneeKind
        ? { assignee: { kind: fields.assigneeKind, id: fields.assigneeId, name: fields.claimantName } }
        : {}),
    },
  });
  await recordAudit(tx, actor, {
    action: `wishes.${input.action}`,
    targetType: 'wish',
    targetId: wish.id,
    scopePath: wish.communityPath,
    summary: {
      from: wish.state,
      to,
      reason: input.reason ?? null,
      ...(fields.assigneeKind ? { assigneeKind: fields.assigneeKind, assigneeId: fields.assigneeId } : {}),
    },
  });
  if (input.action === 'confirm' && row.claimantUserId) {
    // A party member's fulfilled wish earns points (exactly once: the wish id is the source).
    await awardPoints(tx, {
      memberUserId: row.claimantUserId,
      sourceKind: 'wish.fulfilled',
      sourceId: wish.id,
      occurredAt: now,
    });
  }
  await publishLive(tx, {
    topic: 'wishes.changed',
    scopePath: wish.communityPath,
    payload: { wishId: wish.id, state: to },
  });
  for (const userId of new Set([wish.requesterUserId, wish.claimantUserId, row.claimantUserId])) {
    if (userId && userId !== actor?.userId)
      await publishLive(tx, { topic: 'wishes.mine', userId, payload: { wishId: wish.id, state: to } });
  }
  return row;
}

export async function transitionWish(db: Db, actor: Actor, wishId: number, input: z.infer<typeof wishTransitionBody>) {
  return withTx(db, async (tx) => {
    const [wish] = await tx
      .select()
      .from(wishItems)
      .where(and(eq(wishItems.id, wishId), wishScopeWhere(actor)));
    if (!wish) throw new AppError('NOT_FOUND');
    authorizeWish(actor, input.action, wish);
    if (wish.version !== input.version) throw new AppError('CONFLICT');
    return applyWishTransition(tx, actor, wish, input);
  });
}
