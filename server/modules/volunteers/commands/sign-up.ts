import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { publishLive } from '../../../platform/live/events.ts';
import { loadActivity } from '../load.ts';
import { authorizeVolunteer } from '../policy.ts';
import { volunteerActivities, volunteerSignups } from '../schema.ts';

/**
 * Signs the actor up: a place while places remain, the waiting list after that. The activity row
 * is locked FOR UPDATE first, so concurrent sign-ups run one after another and the count of
 * confirmed places can never pass the capacity.
 */
export async function signUp(db: Db, actor: Actor, activityId: number) {
  return withTx(db, async (tx) => {
    const activity = await loadActivity(tx, activityId, true);
    authorizeVolunteer(actor, 'join', activity);
    if (activity.state !== 'open' || activity.endsAt <= new Date())
      throw new AppError('CASE_INVALID_TRANSITION', { message: '活动已结束或已取消，不能报名' });
    const [existing] = await tx
      .select()
      .from(volunteerSignups)
      .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.userId, actor.userId)));
    if (existing && existing.status !== 'cancelled') throw new AppError('DUPLICATE', { message: '您已报名该活动' });
    const status = activity.confirmedCount < activity.capacity ? 'confirmed' : 'waiting';
    const values = {
      activityId,
      userId: actor.userId,
      userName: actor.displayName,
      status,
      createdAt: new Date(),
    } as const;
    const [row] = existing
      ? await tx.update(volunteerSignups).set(values).where(eq(volunteerSignups.id, existing.id)).returning()
      : await tx.insert(volunteerSignups).values(values).returning();
    if (status === 'confirmed')
      await tx
        .update(volunteerActivities)
        .set({ confirmedCount: sql`${volunteerActivities.confirmedCount} + 1` })
        .where(eq(volunteerActivities.id, activityId));
    await recordAudit(tx, actor, {
      action: 'volunteers.signup',
      targetType: 'volunteer_signup',
      targetId: row!.id,
      scopePath: activity.communityPath,
      summary: { activityId, status },
    });
    return row!;
  });
}

/** Cancels the actor's sign-up; a freed place goes to the longest-waiting volunteer, who is told. */
export async function cancelSignUp(db: Db, actor: Actor, activityId: number) {
  return withTx(db, async (tx) => {
    const activity = await loadActivity(tx, activityId, true);
    const [mine] = await tx
      .select()
      .from(volunteerSignups)
      .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.userId, actor.userId)));
    if (!mine || mine.status === 'cancelled') throw new AppError('NOT_FOUND');
    if (mine.checkedInAt) throw new AppError('CASE_INVALID_TRANSITION', { message: '已签到，不能取消报名' });
    await tx.update(volunteerSignups).set({ status: 'cancelled' }).where(eq(volunteerSignups.id, mine.id));
    if (mine.status === 'confirmed') {
      const [next] = await tx
        .select()
        .from(volunteerSignups)
        .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.status, 'waiting')))
        .orderBy(asc(volunteerSignups.createdAt), asc(volunteerSignups.id))
        .limit(1);
      if (next) {
        await tx.update(volunteerSignups).set({ status: 'confirmed' }).where(eq(volunteerSignups.id, next.id));
        await publishLive(tx, {
          topic: 'volunteers.promoted',
          userId: next.userId,
          payload: { activityId, title: activity.title },
        });
      } else {
        await tx
          .update(volunteerActivities)
          .set({ confirmedCount: sql`${volunteerActivities.confirmedCount} - 1` })
          .where(eq(volunteerActivities.id, activityId));
      }
    }
    await recordAudit(tx, actor, {
      action: 'volunteers.signup.cancel',
      targetType: 'volunteer_signup',
      targetId: mine.id,
      scopePath: activity.communityPath,
      summary: { activityId },
    });
  });
}
