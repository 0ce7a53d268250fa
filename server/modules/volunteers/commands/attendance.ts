import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { awardPoints } from '../../party/index.ts';
import { loadActivity } from '../load.ts';
import { authorizeVolunteer } from '../policy.ts';
import { volunteerSignups, type SignupRow } from '../schema.ts';

type Attendance = { code: string } | { signupIds: number[] };

/** Minutes credited: the overlap of the volunteer's presence with the activity's scheduled time. */
export function serviceMinutes(checkIn: Date, checkOut: Date, startsAt: Date, endsAt: Date): number {
  const from = Math.max(checkIn.getTime(), startsAt.getTime());
  const to = Math.min(checkOut.getTime(), endsAt.getTime());
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/**
 * Check-in or check-out, by scanning the venue code (the actor's own sign-up) or from the
 * staff's list (staff in scope or the team leader). Check-out credits the hours and, for a
 * party member, points per hour through the party ledger (the sign-up id is the source, so
 * a repeated check-out credits nothing more).
 */
export async function recordAttendance(
  db: Db,
  actor: Actor,
  activityId: number,
  kind: 'in' | 'out',
  input: Attendance,
  now = new Date(),
) {
  return withTx(db, async (tx) => {
    const activity = await loadActivity(tx, activityId);
    let signups: SignupRow[];
    if ('code' in input) {
      if (input.code !== activity.checkinCode) throw invalid('code', '签到码不正确');
      signups = await tx
        .select()
        .from(volunteerSignups)
        .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.userId, actor.userId)))
        .for('update');
    } else {
      authorizeVolunteer(actor, 'lead', activity);
      signups = await tx
        .select()
        .from(volunteerSignups)
        .where(and(eq(volunteerSignups.activityId, activityId), inArray(volunteerSignups.id, input.signupIds)))
        .for('update');
    }
    const eligible = signups.filter(
      (s) => s.status === 'confirmed' && (kind === 'in' ? !s.checkedInAt : s.checkedInAt && !s.checkedOutAt),
    );
    if (!eligible.length)
      throw new AppError('CASE_INVALID_TRANSITION', {
        message: kind === 'in' ? '没有可签到的报名（未报名、候补中或已签到）' : '没有可签退的报名（未签到或已签退）',
      });
    const done = [];
    for (const s of eligible) {
      if (kind === 'in') {
        done.push(
          (
            await tx.update(volunteerSignups).set({ checkedInAt: now }).where(eq(volunteerSignups.id, s.id)).returning()
          )[0]!,
        );
        continue;
      }
      const minutes = serviceMinutes(s.checkedInAt!, now, activity.startsAt, activity.endsAt);
      done.push(
        (
          await tx
            .update(volunteerSignups)
            .set({ checkedOutAt: now, minutes })
            .where(eq(volunteerSignups.id, s.id))
            .returning()
        )[0]!,
      );
      await awardPoints(tx, {
        memberUserId: s.userId,
        sourceKind: 'volunteer.hour',
        sourceId: s.id,
        occurredAt: now,
        quantity: Math.floor(minutes / 60),
      });
    }
    await recordAudit(tx, actor, {
      action: `volunteers.check_${kind}`,
      targetType: 'volunteer_activity',
      targetId: activityId,
      scopePath: activity.communityPath,
      summary: { signups: done.map((d) => d.id) },
    });
    return done;
  });
}
