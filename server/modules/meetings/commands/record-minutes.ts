import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { loadMeeting } from '../load.ts';
import { publishMeetingChange } from '../live.ts';
import { authorizeMeeting } from '../policy.ts';
import { meetings } from '../schema.ts';

/** Writing the minutes marks the meeting as held; they may be corrected afterwards. */
export async function recordMinutes(db: Db, actor: Actor, meetingId: number, minutes: string) {
  return withTx(db, async (tx) => {
    const meeting = await loadMeeting(tx, actor, meetingId, true);
    authorizeMeeting(actor, 'write', meeting);
    if (meeting.status === 'cancelled') throw new AppError('CONFLICT', { message: '会议已取消' });
    const [row] = await tx
      .update(meetings)
      .set({ minutes, status: 'held' })
      .where(eq(meetings.id, meetingId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'meetings.minutes',
      targetType: 'meeting',
      targetId: meetingId,
      scopePath: meeting.scopePath,
      summary: { length: minutes.length },
    });
    await publishMeetingChange(tx, {
      scopePath: meeting.scopePath,
      targetType: 'meeting',
      targetId: meetingId,
      action: 'meetings.minutes',
    });
    return row!;
  });
}
