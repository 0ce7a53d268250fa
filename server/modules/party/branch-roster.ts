import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { partyOrgs } from '../org/schema.ts';
import { MEMBER_ORG_KINDS } from './branches.ts';
import { partyMembers } from './schema.ts';

/**
 * The member-holding party organisations under a path, each with its active members' accounts
 * (userId null for members kept without an account); a branch without members comes as one row with
 * memberId null, so figures can show it empty. Used by the party school's statistics.
 */
export async function branchRoster(
  db: Queryable,
  scopePath: string,
): Promise<{ branchId: number; branchName: string; userId: number | null; memberId: number | null }[]> {
  return db
    .select({
      branchId: partyOrgs.id,
      branchName: partyOrgs.name,
      userId: partyMembers.userId,
      memberId: partyMembers.id,
    })
    .from(partyOrgs)
    .leftJoin(partyMembers, and(eq(partyMembers.branchOrgId, partyOrgs.id), isNull(partyMembers.leftOn)))
    .where(
      and(
        underPath(partyOrgs.scopePath, scopePath),
        isNull(partyOrgs.retiredAt),
        inArray(partyOrgs.kind, [...MEMBER_ORG_KINDS]),
      ),
    )
    .orderBy(partyOrgs.scopePath, partyOrgs.id);
}
