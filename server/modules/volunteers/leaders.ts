import { and, asc, eq, ilike, inArray, isNull } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { invalid } from '../../platform/errors.ts';
import { underPath } from '../../platform/scope.ts';
import { users } from '../accounts/schema.ts';
import { orgNodes } from '../org/schema.ts';

/** Who may lead a team: people living or working in the community (a leader runs its activities' lists). */
const LEADER_ROLES: Role[] = [
  'party_member',
  'volunteer',
  'building_leader',
  'resident',
  'community_staff',
  'grid_worker',
];

/** Active accounts of the community that can lead a team, optionally matching a name. */
export async function leaderCandidates(db: Queryable, communityPath: string, q?: string, ids?: number[]) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(
      and(
        underPath(orgNodes.path, communityPath),
        inArray(users.role, LEADER_ROLES),
        isNull(users.disabledAt),
        q ? ilike(users.displayName, `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
        ids ? inArray(users.id, ids) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(20);
}

/** The leader's name, after checking the account is one of the community's candidates (422 on the field otherwise). */
export async function resolveLeader(
  db: Queryable,
  communityPath: string,
  leaderUserId: number | null | undefined,
): Promise<string | null> {
  if (leaderUserId == null) return null;
  const [leader] = await leaderCandidates(db, communityPath, undefined, [leaderUserId]);
  if (!leader) throw invalid('leaderUserId', '队长须为本社区的党员、志愿者或居民账号');
  return leader.displayName;
}
