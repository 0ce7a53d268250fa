import { and, desc, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { postBody } from '../../../../contracts/party.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { type Tx, withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import type { PartyViewer } from '../membership.ts';
import { authorizeCommunity } from '../policy.ts';
import { partyPosts, partyServiceItems } from '../schema.ts';

type PostInput = z.infer<typeof postBody>;

/**
 * Item codes are unique per community (awardPoints finds an item by code), so a code another post
 * of the community uses is refused on the field. The ledger keeps the code of every point it
 * credited, so removing an item leaves past records as they were.
 */
async function saveItems(tx: Tx, postId: number, communityId: number, items: PostInput['items']) {
  const codes = items.map((i) => i.code);
  const taken = await tx
    .select({ code: partyServiceItems.code })
    .from(partyServiceItems)
    .where(
      and(
        eq(partyServiceItems.communityId, communityId),
        inArray(partyServiceItems.code, codes),
        ne(partyServiceItems.postId, postId),
      ),
    );
  if (taken.length) {
    const i = codes.indexOf(taken[0]!.code);
    throw invalid(`items.${i}.code`, '该编码已被本社区其他岗位使用');
  }
  await tx
    .delete(partyServiceItems)
    .where(and(eq(partyServiceItems.postId, postId), notInArray(partyServiceItems.code, codes)));
  for (const item of items) {
    await tx
      .insert(partyServiceItems)
      .values({ ...item, postId, communityId })
      .onConflictDoUpdate({
        target: [partyServiceItems.communityId, partyServiceItems.code],
        set: { label: item.label, sourceKind: item.sourceKind, points: item.points },
      });
  }
}

function duplicateName(): AppError {
  return new AppError('DUPLICATE', {
    message: '本社区已有同名岗位',
    details: [{ path: 'name', message: '本社区已有同名岗位' }],
  });
}

/** A new post of the community (设岗定责), with its service items. */
export async function createPost(db: Db, v: PartyViewer, communityId: number, input: PostInput) {
  return withTx(db, async (tx) => {
    const community = await loadNodeInScope(tx, v.actor, communityId, 'community');
    authorizeCommunity(v, 'manage', community);
    const [last] = await tx
      .select({ sort: partyPosts.sort })
      .from(partyPosts)
      .where(eq(partyPosts.communityId, community.id))
      .orderBy(desc(partyPosts.sort))
      .limit(1);
    const [post] = await tx
      .insert(partyPosts)
      .values({
        communityId: community.id,
        communityPath: community.path,
        name: input.name,
        duties: input.duties,
        period: input.period,
        targetPoints: input.targetPoints,
        sort: (last?.sort ?? 0) + 100,
      })
      .onConflictDoNothing()
      .returning();
    if (!post) throw duplicateName();
    await saveItems(tx, post.id, community.id, input.items);
    await recordAudit(tx, v.actor, {
      action: 'party.post.create',
      targetType: 'party_post',
      targetId: post.id,
      scopePath: community.path,
      summary: { name: input.name, items: input.items.length },
    });
    return post;
  });
}

/** Changes a post's name, duties, period, target and its whole list of service items. */
export async function updatePost(db: Db, v: PartyViewer, postId: number, input: PostInput) {
  return withTx(db, async (tx) => {
    const [post] = await tx.select().from(partyPosts).where(eq(partyPosts.id, postId)).for('update');
    if (!post) throw new AppError('NOT_FOUND');
    const community = await loadNodeInScope(tx, v.actor, post.communityId, 'community');
    authorizeCommunity(v, 'manage', community);
    const [clash] = await tx
      .select({ id: partyPosts.id })
      .from(partyPosts)
      .where(
        and(eq(partyPosts.communityId, post.communityId), eq(partyPosts.name, input.name), ne(partyPosts.id, post.id)),
      );
    if (clash) throw duplicateName();
    const [row] = await tx
      .update(partyPosts)
      .set({ name: input.name, duties: input.duties, period: input.period, targetPoints: input.targetPoints })
      .where(eq(partyPosts.id, post.id))
      .returning();
    await saveItems(tx, post.id, post.communityId, input.items);
    await recordAudit(tx, v.actor, {
      action: 'party.post.update',
      targetType: 'party_post',
      targetId: post.id,
      scopePath: community.path,
      summary: {
        name: input.name,
        targetPoints: input.targetPoints,
        items: input.items.map((i) => `${i.code}:${i.points}`),
      },
    });
    return row!;
  });
}
