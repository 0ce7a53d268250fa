import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { isOpen } from '../lifecycle.ts';
import { caseFollowers, cases } from '../schema.ts';
import { levelsOfPath } from '../tree.ts';

/**
 * "Follow this case instead of reporting it again": a resident who finds their problem already
 * reported nearby follows the open case and is told as it progresses. Allowed for open cases of
 * the community the resident lives in (the duplicate search only offers nearby ones).
 */
export async function followCase(db: Db, actor: Actor, caseId: number): Promise<void> {
  await withTx(db, async (tx) => {
    const [row] = await tx
      .select({ state: cases.state, communityId: cases.communityId, reporterUserId: cases.reporterUserId })
      .from(cases)
      .where(eq(cases.id, caseId));
    const home = actor.scopePath ? levelsOfPath(actor.scopePath).communityId : null;
    if (!row || home !== row.communityId) throw new AppError('NOT_FOUND', { message: '案件不存在或不在您所在的社区' });
    if (!isOpen(row.state)) throw new AppError('CASE_INVALID_TRANSITION', { message: '该案件已办结，无需关注' });
    if (row.reporterUserId === actor.userId) return;
    await tx.insert(caseFollowers).values({ caseId, userId: actor.userId }).onConflictDoNothing();
  });
}
