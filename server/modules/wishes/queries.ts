import { and, asc, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { wishListQuery } from '../../../contracts/wishes.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/open.ts';
import { orgNodes } from '../org/schema.ts';
import { PUBLIC_STATES } from './lifecycle.ts';
import { maySeePersonal, wishAbilities, wishManageWhere } from './policy.ts';
import { wishEvents, wishItems, type WishRow } from './schema.ts';

/** What a viewer sees of a wish: personal details only for the community and the requester. */
export function presentWish(actor: Actor, w: WishRow & { communityName?: string }) {
  const personal = maySeePersonal(actor, w);
  return {
    id: w.id,
    kind: w.kind,
    communityId: w.communityId,
    communityName: w.communityName ?? null,
    title: w.title,
    description: w.description,
    budget: w.budget,
    beneficiaryCategory: w.beneficiaryCategory,
    beneficiaryName: personal ? w.beneficiaryName : null,
    requesterUserId: personal ? w.requesterUserId : null,
    onBehalf: w.onBehalf === 1,
    state: w.state,
    claimantName: w.claimantName,
    claimDueAt: w.claimDueAt?.toISOString() ?? null,
    photo: w.photo,
    fulfilNote: w.fulfilNote,
    thanks: w.thanks,
    assignee:
      w.assigneeKind && w.assigneeId !== null
        ? { kind: w.assigneeKind, id: w.assigneeId, name: w.claimantName ?? '' }
        : null,
    version: w.version,
    createdAt: w.createdAt.toISOString(),
    abilities: wishAbilities(actor, w),
  };
}

export async function listWishes(db: Db, actor: Actor, q: z.infer<typeof wishListQuery>) {
  const view: SQL =
    q.view === 'manage'
      ? wishManageWhere(actor)
      : q.view === 'mine'
        ? or(eq(wishItems.requesterUserId, actor.userId), eq(wishItems.claimantUserId, actor.userId))!
        : inArray(wishItems.state, [...PUBLIC_STATES]);
  const where = and(
    view,
    q.state ? eq(wishItems.state, q.state) : undefined,
    q.kind ? eq(wishItems.kind, q.kind) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ w: wishItems, communityName: orgNodes.name })
      .from(wishItems)
      .innerJoin(orgNodes, eq(orgNodes.id, wishItems.communityId))
      .where(where)
      .orderBy(q.view === 'board' ? asc(wishItems.state) : desc(wishItems.id), desc(wishItems.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(wishItems).where(where),
  ]);
  return {
    data: rows.map((r) => presentWish(actor, { ...r.w, communityName: r.communityName })),
    page: { page: q.page, pageSize: q.pageSize, total: Number(total?.n ?? 0) },
  };
}

export async function wishHistory(db: Db, wishId: number) {
  return db
    .select({
      action: wishEvents.action,
      fromState: wishEvents.fromState,
      toState: wishEvents.toState,
      at: wishEvents.at,
      detail: wishEvents.detail,
    })
    .from(wishEvents)
    .where(eq(wishEvents.wishId, wishId))
    .orderBy(asc(wishEvents.id));
}
