import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { publishLive } from '../../../platform/live/events.ts';
import { loadMemberFor } from '../load-member.ts';
import type { PartyViewer } from '../membership.ts';
import { authorizeMember } from '../policy.ts';
import { partyMemberPosts } from '../schema.ts';

/** The branch approves or refuses a pending post claim; a decided claim is not decided again (409). */
export async function decidePostClaim(db: Db, v: PartyViewer, claimId: number, decision: 'approve' | 'reject') {
  return withTx(db, async (tx) => {
    const [claim] = await tx.select().from(partyMemberPosts).where(eq(partyMemberPosts.id, claimId)).for('update');
    if (!claim) throw new AppError('NOT_FOUND');
    const member = await loadMemberFor(tx, v, claim.memberId);
    authorizeMember(v, 'manage', member);
    if (claim.state !== 'pending') throw new AppError('CASE_INVALID_TRANSITION', { message: '该认岗申请已处理' });
    const [row] = await tx
      .update(partyMemberPosts)
      .set({
        state: decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: v.actor.userId,
        decidedAt: new Date(),
      })
      .where(and(eq(partyMemberPosts.id, claimId), eq(partyMemberPosts.state, 'pending')))
      .returning();
    await recordAudit(tx, v.actor, {
      action: `party.post.${decision}`,
      targetType: 'party_member_post',
      targetId: claimId,
      scopePath: member.branchPath,
      summary: { memberId: member.id, postId: claim.postId },
    });
    if (member.userId)
      await publishLive(tx, {
        topic: 'party.post_claim',
        userId: member.userId,
        payload: { claimId, state: row!.state },
      });
    return row!;
  });
}
