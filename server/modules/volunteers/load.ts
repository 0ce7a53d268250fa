import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { volunteerActivities, volunteerTeams } from './schema.ts';

/** An activity with its team leader (who may take attendance); `lock` serialises sign-ups on it. */
export async function loadActivity(db: Queryable, id: number, lock = false) {
  const q = db.select().from(volunteerActivities).where(eq(volunteerActivities.id, id)).limit(1);
  const [activity] = lock ? await q.for('update') : await q;
  if (!activity) throw new AppError('NOT_FOUND');
  const [team] = activity.teamId
    ? await db
        .select({ leaderUserId: volunteerTeams.leaderUserId, name: volunteerTeams.name })
        .from(volunteerTeams)
        .where(eq(volunteerTeams.id, activity.teamId))
    : [];
  return { ...activity, leaderUserId: team?.leaderUserId ?? null, teamName: team?.name ?? null };
}
