import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { memberCommitments } from './queries.ts';
import { partyMembers } from './schema.ts';

/**
 * What other modules may know of party members (outreach: 党员户 on the 党群连心墙, 一区两员):
 * the record of an account, members of a community, and published commitments — never the
 * member's contact details or points.
 */
export async function memberOfUser(db: Queryable, userId: number) {
  const [m] = await db
    .select({
      id: partyMembers.id,
      name: partyMembers.name,
      homeNodeId: partyMembers.homeNodeId,
      homePath: partyMembers.homePath,
      homeCommunityId: partyMembers.homeCommunityId,
    })
    .from(partyMembers)
    .where(and(eq(partyMembers.userId, userId), isNull(partyMembers.leftOn)));
  return m ?? null;
}

/** Current members who live or are organised in the community (for pickers). */
export async function membersOfCommunity(db: Queryable, communityPath: string) {
  return db
    .select({ id: partyMembers.id, name: partyMembers.name, homePath: partyMembers.homePath })
    .from(partyMembers)
    .where(
      and(
        isNull(partyMembers.leftOn),
        or(underPath(partyMembers.homePath, communityPath), underPath(partyMembers.branchPath, communityPath)),
      ),
    )
    .orderBy(asc(partyMembers.id))
    .limit(500);
}

/** Current members by id (name only), for records that name a member. */
export async function memberNames(db: Queryable, ids: number[]) {
  if (!ids.length) return new Map<number, string>();
  const rows = await db
    .select({ id: partyMembers.id, name: partyMembers.name })
    .from(partyMembers)
    .where(and(inArray(partyMembers.id, ids), isNull(partyMembers.leftOn)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The members' commitments of a year (亮身份、作承诺), as the branch keeps them (content and state). */
export async function yearCommitments(db: Queryable, memberIds: number[], year: number) {
  const rows = await memberCommitments(db, memberIds);
  return rows.filter((c) => c.year === year).map((c) => ({ memberId: c.memberId, content: c.content, state: c.state }));
}
