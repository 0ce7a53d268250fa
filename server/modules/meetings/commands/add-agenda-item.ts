import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { addAgendaItemBody } from '../../../../contracts/meetings.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { loadMeeting } from '../load.ts';
import { publishMeetingChange } from '../live.ts';
import { authorizeMeeting } from '../policy.ts';
import type { CasesPort } from '../ports.ts';
import { agendaItems } from '../schema.ts';

/**
 * Adds an agenda item: a case waiting for deliberation (it must be on the agenda list the cases
 * module gives this actor, in the meeting's community), a member's or representative's proposal,
 * or a typed item.
 */
export async function addAgendaItem(
  db: Db,
  actor: Actor,
  meetingId: number,
  input: z.infer<typeof addAgendaItemBody>,
  cases: CasesPort | null,
) {
  let title: string;
  let description: string | null = null;
  if (input.source === 'case') {
    if (!cases) throw invalid('caseId', '事件模块尚未接入，不能从事件添加议题');
    const meeting = await loadMeeting(db, actor, meetingId);
    const waiting = (await cases.listCasesForAgenda(db, actor)).find(
      (c) => c.id === input.caseId && c.communityId === meeting.communityId,
    );
    if (!waiting) throw invalid('caseId', '该事件不在本社区的待上会列表中');
    title = waiting.title;
    description = `来自事件 #${waiting.id}（${waiting.categoryName}）`;
  } else {
    title = input.title;
    description = input.description ?? null;
  }
  return withTx(db, async (tx) => {
    const meeting = await loadMeeting(tx, actor, meetingId, true);
    authorizeMeeting(actor, 'write', meeting);
    if (meeting.status !== 'planned') throw new AppError('CONFLICT', { message: '会议已召开或已取消，不能再添加议题' });
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${agendaItems.position}), 0) + 1` })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))) as [{ next: number }];
    const inserted = await tx
      .insert(agendaItems)
      .values({
        meetingId,
        position: next,
        source: input.source,
        caseId: input.source === 'case' ? input.caseId : null,
        proposedBy: input.source === 'proposal' ? actor.userId : null,
        title,
        description,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted[0]) throw new AppError('DUPLICATE', { message: '该事件已在本次会议议程中' });
    await recordAudit(tx, actor, {
      action: 'meetings.agenda.add',
      targetType: 'meeting',
      targetId: meetingId,
      scopePath: meeting.scopePath,
      summary: { source: input.source, title },
    });
    await publishMeetingChange(tx, {
      scopePath: meeting.scopePath,
      targetType: 'meeting',
      targetId: meetingId,
      action: 'meetings.agenda.add',
    });
    return inserted[0];
  });
}
