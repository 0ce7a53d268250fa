import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { publishLive } from '../../../platform/live/events.ts';
import { loadOwnMember } from '../load-member.ts';
import type { PartyViewer } from '../membership.ts';
import { authorizeMember } from '../policy.ts';
import { partyMemberPosts, partyPosts } from '../schema.ts';

/** 认岗: a member claims one of their community's posts; the branch approves it. */
export async function claimPost(db: Db, v: PartyViewer, postId: number) {
  return withTx(db, async (tx) => {
    const member = await loadOwnMember(tx, v);
    authorizeMember(v, 'self', member);
    const [post] = await tx
      .select()
      .from(partyPosts)
      .where(and(eq(partyPosts.id, postId), eq(partyPosts.communityId, member.homeCommunityId)));
    if (!post) throw invalid('postId', '岗位不存在或不属于您服务的社区');
    const [row] = await tx
      .insert(partyMemberPosts)
      .values({ memberId: member.id, postId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('DUPLICATE', { message: '您已认领过该岗位' });
    await recordAudit(tx, v.actor, {
      action: 'party.post.claim',
      targetType: 'party_member_post',
      targetId: row.id,
      scopePath: member.branchPath,
      summary: { postId, post: post.name },
    });
    await publishLive(tx, {
      topic: 'party.post_claim',
      scopePath: member.branchPath,
      payload: { memberId: member.id, postId },
    });
    return row;
  });
}
