import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createActivityBody } from '../../../../contracts/volunteers.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { publishLive } from '../../../platform/live/events.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { authorizeVolunteer } from '../policy.ts';
import { volunteerActivities, volunteerTeams } from '../schema.ts';

export async function createActivity(db: Db, actor: Actor, input: z.infer<typeof createActivityBody>) {
  return withTx(db, async (tx) => {
    const community = await loadNodeInScope(tx, actor, input.communityId, 'community');
    authorizeVolunteer(actor, 'manage', { communityPath: community.path });
    if (input.teamId) {
      const [team] = await tx
        .select({ id: volunteerTeams.id })
        .from(volunteerTeams)
        .where(and(eq(volunteerTeams.id, input.teamId), eq(volunteerTeams.communityId, community.id)));
      if (!team) throw invalid('teamId', '队伍不属于该社区');
    }
    const [row] = await tx
      .insert(volunteerActivities)
      .values({
        teamId: input.teamId ?? null,
        communityId: community.id,
        communityPath: community.path,
        title: input.title,
        place: input.place,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        capacity: input.capacity,
        checkinCode: randomBytes(6).toString('hex'),
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'volunteers.activity.create',
      targetType: 'volunteer_activity',
      targetId: row!.id,
      scopePath: community.path,
      summary: { title: input.title, capacity: input.capacity },
    });
    await publishLive(tx, {
      topic: 'volunteers.activity',
      scopePath: community.path,
      payload: { activityId: row!.id },
    });
    return row!;
  });
}
