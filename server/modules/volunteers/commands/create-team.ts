import type { z } from 'zod';
import type { createTeamBody } from '../../../../contracts/volunteers.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { resolveLeader } from '../leaders.ts';
import { authorizeVolunteer } from '../policy.ts';
import { volunteerTeams } from '../schema.ts';

export async function createTeam(db: Db, actor: Actor, input: z.infer<typeof createTeamBody>) {
  return withTx(db, async (tx) => {
    const community = await loadNodeInScope(tx, actor, input.communityId, 'community');
    authorizeVolunteer(actor, 'manage', { communityPath: community.path });
    const leaderName = await resolveLeader(tx, community.path, input.leaderUserId);
    const [row] = await tx
      .insert(volunteerTeams)
      .values({
        communityId: community.id,
        communityPath: community.path,
        name: input.name,
        leaderUserId: input.leaderUserId ?? null,
        leaderName,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError('DUPLICATE', {
        message: '本社区已有同名队伍',
        details: [{ path: 'name', message: '本社区已有同名队伍' }],
      });
    await recordAudit(tx, actor, {
      action: 'volunteers.team.create',
      targetType: 'volunteer_team',
      targetId: row.id,
      scopePath: community.path,
      summary: { name: input.name, leaderUserId: input.leaderUserId ?? null },
    });
    return row;
  });
}
