import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorizeRating, resultInScope } from '../policy.ts';
import { ratingResults, ratingRuns } from '../schema.ts';

/** The community secretary may set a branch's stars with a reason; the computed stars stay beside it. */
export async function adjustStarResult(
  db: Db,
  actor: Actor,
  resultId: number,
  input: { stars: number; reason: string },
) {
  return withTx(db, async (tx) => {
    const [row] = await tx
      .select({ result: ratingResults, kind: ratingRuns.kind })
      .from(ratingResults)
      .innerJoin(ratingRuns, eq(ratingRuns.id, ratingResults.runId))
      .where(eq(ratingResults.id, resultId))
      .for('update', { of: ratingResults });
    if (!row || !resultInScope(actor, row.result.subjectPath)) throw new AppError('NOT_FOUND');
    authorizeRating(actor, 'adjust', row.result.subjectPath);
    if (row.kind !== 'branch_star') throw new AppError('FORBIDDEN', { message: '只有支部星级可以调整' });
    const [updated] = await tx
      .update(ratingResults)
      .set({ adjustedOutcome: String(input.stars), adjustReason: input.reason, adjustedBy: actor.userId })
      .where(eq(ratingResults.id, resultId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'ratings.adjust',
      targetType: 'rating_result',
      targetId: resultId,
      scopePath: row.result.subjectPath,
      summary: { from: row.result.outcome, to: input.stars, reason: input.reason },
    });
    return updated!;
  });
}
