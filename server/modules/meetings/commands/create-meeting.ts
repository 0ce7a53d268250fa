import type { z } from 'zod';
import type { createMeetingBody } from '../../../../contracts/meetings.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { publishMeetingChange } from '../live.ts';
import { authorizeMeeting } from '../policy.ts';
import { meetings } from '../schema.ts';
import { communityIdOf } from '../tree-path.ts';

/** Meetings concern a community or something inside it (a grid, an estate for 三位一体). */
const MEETING_LEVELS = new Set(['community', 'grid', 'estate']);

export async function createMeeting(db: Db, actor: Actor, input: z.infer<typeof createMeetingBody>) {
  return withTx(db, async (tx) => {
    const node = await loadNodeInScope(tx, actor, input.nodeId);
    if (!MEETING_LEVELS.has(node.level)) throw invalid('nodeId', '会议须属于社区、网格或小区');
    if (input.type === 'estate_trinity' && node.level !== 'estate') throw invalid('nodeId', '“三位一体”会议须选择小区');
    authorizeMeeting(actor, 'write', { scopePath: node.path });
    const [row] = await tx
      .insert(meetings)
      .values({
        communityId: communityIdOf(node.path)!,
        nodeId: node.id,
        scopePath: node.path,
        type: input.type,
        title: input.title,
        startsAt: new Date(input.startsAt),
        place: input.place,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'meetings.create',
      targetType: 'meeting',
      targetId: row!.id,
      scopePath: node.path,
      summary: { type: input.type, title: input.title },
    });
    await publishMeetingChange(tx, {
      scopePath: node.path,
      targetType: 'meeting',
      targetId: row!.id,
      action: 'meetings.create',
    });
    return row!;
  });
}
