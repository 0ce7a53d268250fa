import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createConsultationBody } from '../../../../contracts/participation.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Queryable } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertOpen, loadCommunity } from '../load.ts';
import { authorizeCreateIn, authorizeParticipation, participationScopeWhere } from '../policy.ts';
import { consultationComments, consultations } from '../schema.ts';

/** A consultation the actor sees (404 otherwise); `lock` holds it against concurrent answers. */
export async function loadConsultation(q: Queryable, actor: Actor, id: number, lock = false) {
  const query = q
    .select()
    .from(consultations)
    .where(and(eq(consultations.id, id), participationScopeWhere(actor, consultations.scopePath)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function createConsultation(db: Db, actor: Actor, input: z.infer<typeof createConsultationBody>) {
  return withTx(db, async (tx) => {
    const community = await loadCommunity(tx, input.communityId);
    authorizeCreateIn(actor, community);
    const [row] = await tx
      .insert(consultations)
      .values({
        communityId: community.id,
        scopePath: community.path,
        title: input.title,
        body: input.body,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'participation.consultation.publish',
      targetType: 'participation_consultation',
      targetId: row!.id,
      scopePath: community.path,
      summary: { title: input.title },
    });
    return row!;
  });
}

/** A verified resident of the community comments while the consultation is open. */
export async function addComment(db: Db, actor: Actor, id: number, body: string) {
  return withTx(db, async (tx) => {
    const consultation = await loadConsultation(tx, actor, id);
    authorizeParticipation(actor, 'take_part', consultation);
    assertOpen(consultation, '征求意见');
    const [row] = await tx
      .insert(consultationComments)
      .values({ consultationId: id, authorUserId: actor.userId, authorName: actor.displayName, body })
      .returning();
    return row!;
  });
}

/** Staff hide a comment with a reason; the comment is kept and the hiding is audited. */
export async function hideComment(db: Db, actor: Actor, id: number, commentId: number, reason: string) {
  return withTx(db, async (tx) => {
    const consultation = await loadConsultation(tx, actor, id);
    authorizeParticipation(actor, 'manage', consultation);
    const [row] = await tx
      .update(consultationComments)
      .set({ hiddenAt: new Date(), hiddenReason: reason, hiddenBy: actor.userId })
      .where(and(eq(consultationComments.id, commentId), eq(consultationComments.consultationId, id)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', { message: '意见不存在' });
    await recordAudit(tx, actor, {
      action: 'participation.comment.hide',
      targetType: 'participation_comment',
      targetId: commentId,
      scopePath: consultation.scopePath,
      summary: { consultationId: id, reason },
    });
    return row;
  });
}

/** Staff publish (or revise) the summary of how the comments were taken up (意见采纳情况). */
export async function respondToConsultation(db: Db, actor: Actor, id: number, summary: string) {
  return withTx(db, async (tx) => {
    const consultation = await loadConsultation(tx, actor, id, true);
    authorizeParticipation(actor, 'manage', consultation);
    const [row] = await tx
      .update(consultations)
      .set({ responseSummary: summary, respondedAt: new Date() })
      .where(eq(consultations.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'participation.consultation.respond',
      targetType: 'participation_consultation',
      targetId: id,
      scopePath: consultation.scopePath,
      summary: { length: summary.length },
    });
    return row!;
  });
}
