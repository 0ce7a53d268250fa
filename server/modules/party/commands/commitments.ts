import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { loadMemberFor, loadOwnMember } from '../load-member.ts';
import type { PartyViewer } from '../membership.ts';
import { authorizeMember } from '../policy.ts';
import { partyCommitments } from '../schema.ts';

/** 亮身份、作承诺: a member publishes a commitment for the year. */
export async function publishCommitment(db: Db, v: PartyViewer, input: { year: number; content: string }) {
  return withTx(db, async (tx) => {
    const member = await loadOwnMember(tx, v);
    authorizeMember(v, 'self', member);
    const [row] = await tx
      .insert(partyCommitments)
      .values({ memberId: member.id, year: input.year, content: input.content })
      .returning();
    await recordAudit(tx, v.actor, {
      action: 'party.commitment.publish',
      targetType: 'party_commitment',
      targetId: row!.id,
      scopePath: member.branchPath,
      summary: { year: input.year },
    });
    return row!;
  });
}

/** The branch marks a published commitment fulfilled or not; a marked one stays marked (409). */
export async function markCommitment(
  db: Db,
  v: PartyViewer,
  id: number,
  input: { state: 'fulfilled' | 'unfulfilled'; note?: string },
) {
  return withTx(db, async (tx) => {
    const [c] = await tx.select().from(partyCommitments).where(eq(partyCommitments.id, id)).for('update');
    if (!c) throw new AppError('NOT_FOUND');
    const member = await loadMemberFor(tx, v, c.memberId);
    authorizeMember(v, 'manage', member);
    if (c.state !== 'published') throw new AppError('CASE_INVALID_TRANSITION', { message: '该承诺已评定' });
    const [row] = await tx
      .update(partyCommitments)
      .set({ state: input.state, note: input.note ?? null, markedBy: v.actor.userId, markedAt: new Date() })
      .where(eq(partyCommitments.id, id))
      .returning();
    await recordAudit(tx, v.actor, {
      action: 'party.commitment.mark',
      targetType: 'party_commitment',
      targetId: id,
      scopePath: member.branchPath,
      summary: { state: input.state },
    });
    return row!;
  });
}
