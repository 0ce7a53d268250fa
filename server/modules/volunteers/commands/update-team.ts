import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateTeamBody } from '../../../../contracts/volunteers.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorCovers } from '../../../platform/scope.ts';
import { resolveLeader } from '../leaders.ts';
import { authorizeVolunteer } from '../policy.ts';
import { volunteerTeams } from '../schema.ts';

/** Renames a team or changes its leader (community staff in scope). */
export async function updateTeam(db: Db, actor: Actor, teamId: number, input: z.infer<typeof updateTeamBody>) {
  return withTx(db, async (tx) => {
    const [team] = await tx.select().from(volunteerTeams).where(eq(volunteerTeams.id, teamId)).for('update');
    if (!team || !actorCovers(actor, team.communityPath)) throw new AppError('NOT_FOUND');
    authorizeVolunteer(actor, 'manage', team);
    const name = input.name ?? team.name;
    const [clash] = await tx
      .select({ id: volunteerTeams.id })
      .from(volunteerTeams)
      .where(
        and(
          eq(volunteerTeams.communityId, team.communityId),
          eq(volunteerTeams.name, name),
          ne(volunteerTeams.id, team.id),
        ),
      );
    if (clash)
      throw new AppError('DUPLICATE', {
        message: '本社区已有同名队伍',
        details: [{ path: 'name', message: '本社区已有同名队伍' }],
      });
    const leaderUserId = input.leaderUserId === undefined ? team.leaderUserId : input.leaderUserId;
    const leaderName =
      input.leaderUserId === undefined
        ? team.leaderName
        : await resolveLeader(tx, team.communityPath, input.leaderUserId);
    const [row] = await tx
      .update(volunteerTeams)
      .set({ name, leaderUserId, leaderName })
      .where(eq(volunteerTeams.id, team.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'volunteers.team.update',
      targetType: 'volunteer_team',
      targetId: team.id,
      scopePath: team.communityPath,
      summary: { name, leaderUserId },
    });
    return row!;
  });
}
