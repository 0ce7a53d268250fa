import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { addResolutionBody } from '../../../../contracts/meetings.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { underPath } from '../../../platform/scope.ts';
import { users } from '../../accounts/schema.ts';
import { orgNodes } from '../../org/schema.ts';
import { loadMeeting } from '../load.ts';
import { publishMeetingChange } from '../live.ts';
import { authorizeMeeting } from '../policy.ts';
import type { CasesPort } from '../ports.ts';
import { agendaItems, resolutions } from '../schema.ts';
import { ancestorPath } from '../tree-path.ts';

/**
 * Records a resolution as a task (owner, due date). A resolution on a case's agenda item
 * sends the case back into its loop in the same transaction, so neither happens without the other.
 */
export async function addResolution(
  db: Db,
  actor: Actor,
  meetingId: number,
  input: z.infer<typeof addResolutionBody>,
  cases: CasesPort | null,
) {
  return withTx(db, async (tx) => {
    const meeting = await loadMeeting(tx, actor, meetingId, true);
    authorizeMeeting(actor, 'write', meeting);
    if (meeting.status !== 'held') throw new AppError('CONFLICT', { message: '请先记录会议纪要，再登记决议' });
    let caseId: number | null = null;
    if (input.agendaItemId) {
      const [item] = await tx
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.meetingId, meetingId)));
      if (!item) throw invalid('agendaItemId', '议题不属于本次会议');
      caseId = item.caseId;
      const [taken] = caseId
        ? await tx
            .select({ id: resolutions.id })
            .from(resolutions)
            .where(eq(resolutions.agendaItemId, item.id))
            .limit(1)
        : [];
      if (taken) throw new AppError('DUPLICATE', { message: '该事件议题已有决议，事件已回到处置流程' });
    }
    if (input.ownerUserId) {
      // Like invitees, an owner lives or works in the meeting's street: no account elsewhere can be named (or probed).
      const [owner] = await tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
        .where(and(eq(users.id, input.ownerUserId), underPath(orgNodes.path, ancestorPath(meeting.scopePath, 1)!)));
      if (!owner) throw invalid('ownerUserId', '责任人不存在或不在本街道');
    }
    const [row] = await tx
      .insert(resolutions)
      .values({
        meetingId,
        agendaItemId: input.agendaItemId ?? null,
        scopePath: meeting.scopePath,
        text: input.text,
        ownerUserId: input.ownerUserId ?? null,
        ownerName: input.ownerName,
        dueOn: input.dueOn,
      })
      .returning();
    if (caseId) {
      if (!cases) throw invalid('agendaItemId', '事件模块尚未接入，不能回写事件');
      await cases.applyMeetingResolution(tx, actor, caseId, { resolution: input.text, meetingId });
    }
    await recordAudit(tx, actor, {
      action: 'meetings.resolution.add',
      targetType: 'resolution',
      targetId: row!.id,
      scopePath: meeting.scopePath,
      summary: { meetingId, caseId, dueOn: input.dueOn },
    });
    await publishMeetingChange(tx, {
      scopePath: meeting.scopePath,
      targetType: 'resolution',
      targetId: row!.id,
      action: 'meetings.resolution.add',
    });
    return row!;
  });
}
