import type { z } from 'zod';
import type { createDecisionBody } from '../../../../contracts/meetings.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { publishMeetingChange } from '../live.ts';
import { authorizeMeeting } from '../policy.ts';
import { decisions } from '../schema.ts';

/** Opens a 四议两公开 record for a community matter; its first step (the proposal) is recorded next. */
export async function createDecision(db: Db, actor: Actor, input: z.infer<typeof createDecisionBody>) {
  return withTx(db, async (tx) => {
    const community = await loadNodeInScope(tx, actor, input.communityId, 'community');
    authorizeMeeting(actor, 'write', { scopePath: community.path });
    const [row] = await tx
      .insert(decisions)
      .values({
        communityId: community.id,
        scopePath: community.path,
        title: input.title,
        summary: input.summary,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'decisions.create',
      targetType: 'decision',
      targetId: row!.id,
      scopePath: community.path,
      summary: { title: input.title },
    });
    await publishMeetingChange(tx, {
      scopePath: community.path,
      targetType: 'decision',
      targetId: row!.id,
      action: 'decisions.create',
    });
    return row!;
  });
}
