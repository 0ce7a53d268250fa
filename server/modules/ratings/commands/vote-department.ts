import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { departments } from '../../org/schema.ts';
import { authorizeRating } from '../policy.ts';
import { departmentVotes } from '../schema.ts';

/** A community's yearly vote on a department serving it (its street's unit or a district bureau); re-voting replaces the vote. */
export async function voteDepartment(
  db: Db,
  actor: Actor,
  input: { year: number; departmentId: number; communityId: number; score: number; comment?: string },
) {
  return withTx(db, async (tx) => {
    const community = await loadNodeInScope(tx, actor, input.communityId, 'community');
    authorizeRating(actor, 'vote', community.path);
    const serving = community.path.split('/').filter(Boolean).slice(0, 2).map(Number);
    const [dept] = await tx.select().from(departments).where(eq(departments.id, input.departmentId));
    if (!dept || !serving.includes(dept.servesNodeId)) throw invalid('departmentId', '该部门不服务本社区');
    const [row] = await tx
      .insert(departmentVotes)
      .values({ ...input, comment: input.comment ?? null, voterUserId: actor.userId })
      .onConflictDoUpdate({
        target: [departmentVotes.year, departmentVotes.departmentId, departmentVotes.communityId],
        set: { score: input.score, comment: input.comment ?? null, voterUserId: actor.userId },
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'ratings.department.vote',
      targetType: 'department',
      targetId: dept.id,
      scopePath: community.path,
      summary: { year: input.year, score: input.score },
    });
    return row!;
  });
}
