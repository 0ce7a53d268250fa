import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { markAttendanceBody } from '../../../../contracts/meetings.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { users } from '../../accounts/schema.ts';
import { loadMeeting } from '../load.ts';
import { publishMeetingChange } from '../live.ts';
import { authorizeMeeting } from '../policy.ts';
import type { PointsPort } from '../ports.ts';
import { meetingInvitees } from '../schema.ts';

/**
 * Records who signed in, was excused or absent. A party member newly signed in earns
 * attendance points once (the party module keys awards by source, so a re-mark does not double them).
 */
export async function markAttendance(
  db: Db,
  actor: Actor,
  meetingId: number,
  input: z.infer<typeof markAttendanceBody>,
  points: PointsPort | null,
) {
  return withTx(db, async (tx) => {
    const meeting = await loadMeeting(tx, actor, meetingId, true);
    authorizeMeeting(actor, 'write', meeting);
    if (meeting.status === 'cancelled') throw new AppError('CONFLICT', { message: '会议已取消，不能登记出席' });
    const ids = input.marks.map((m) => m.inviteeId);
    const current = await tx
      .select({
        id: meetingInvitees.id,
        userId: meetingInvitees.userId,
        attendance: meetingInvitees.attendance,
        role: users.role,
      })
      .from(meetingInvitees)
      .leftJoin(users, eq(users.id, meetingInvitees.userId))
      .where(and(eq(meetingInvitees.meetingId, meetingId), inArray(meetingInvitees.id, ids)));
    const byId = new Map(current.map((c) => [c.id, c]));
    const missing = input.marks.findIndex((m) => !byId.has(m.inviteeId));
    if (missing >= 0) throw invalid(`marks.${missing}.inviteeId`, '该人员不在本次会议的邀请名单中');
    const now = new Date();
    for (const mark of input.marks) {
      await tx
        .update(meetingInvitees)
        .set({ attendance: mark.attendance, markedAt: now })
        .where(eq(meetingInvitees.id, mark.inviteeId));
      const before = byId.get(mark.inviteeId)!;
      if (
        points &&
        mark.attendance === 'signed_in' &&
        before.attendance !== 'signed_in' &&
        before.userId &&
        before.role === 'party_member'
      ) {
        await points.awardPoints(tx, {
          memberUserId: before.userId,
          sourceKind: 'meeting.attended',
          sourceId: meetingId,
          occurredAt: meeting.startsAt,
        });
      }
    }
    await recordAudit(tx, actor, {
      action: 'meetings.attendance',
      targetType: 'meeting',
      targetId: meetingId,
      scopePath: meeting.scopePath,
      summary: { marks: input.marks },
    });
    await publishMeetingChange(tx, {
      scopePath: meeting.scopePath,
      targetType: 'meeting',
      targetId: meetingId,
      action: 'meetings.attendance',
    });
    return { marked: input.marks.length };
  });
}
