import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { users } from '../accounts/schema.ts';
import { orgNodes } from '../org/schema.ts';

/** Staff who can take over a booking under `path` (handover targets). */
export async function handlersUnder(db: Queryable, path: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(
      and(
        inArray(users.role, ['community_secretary', 'community_staff', 'grid_worker']),
        underPath(orgNodes.path, path),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.role), asc(users.id))
    .limit(200);
}
