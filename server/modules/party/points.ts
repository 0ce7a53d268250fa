import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { itemForSource } from './default-posts.ts';
import { partyMembers, partyPoints } from './schema.ts';

/** Platform sources that earn points; 'manual' is a branch-entered record with evidence. */
export type PointSourceKind =
  'case.accepted' | 'wish.fulfilled' | 'volunteer.hour' | 'meeting.attended' | 'school.passed' | 'manual';

export interface AwardInput {
  /** The account of the member; a user who is not an active party member earns nothing (null result). */
  memberUserId?: number;
  memberId?: number;
  sourceKind: PointSourceKind;
  /** The id of the record that earned the points (case id, wish id, sign-up id, meeting id, entry key). */
  sourceId: string | number;
  occurredAt: Date;
  /** Units of the item (volunteer hours); points = item points × quantity. */
  quantity?: number;
  /** For 'manual' entries: the item code chosen by the branch. */
  itemCode?: string;
  note?: string | null;
  evidence?: string | null;
  enteredBy?: number | null;
}

export interface AwardResult {
  memberId: number;
  item: string;
  points: number;
  created: boolean;
}

/**
 * Credits points for one source, exactly once: call it inside the transaction that records the
 * source (case accepted, wish confirmed, check-out…). A replay or retry hits the unique
 * (member, source kind, source id, item) index and changes nothing (`created: false`).
 * Returns null when the user is no active party member or their community has no item for the source.
 */
export async function awardPoints(tx: Queryable, input: AwardInput): Promise<AwardResult | null> {
  const memberWhere =
    input.memberId !== undefined
      ? eq(partyMembers.id, input.memberId)
      : input.memberUserId !== undefined
        ? eq(partyMembers.userId, input.memberUserId)
        : null;
  if (!memberWhere) return null;
  const [member] = await tx
    .select()
    .from(partyMembers)
    .where(and(memberWhere, isNull(partyMembers.leftOn)))
    .limit(1);
  if (!member) return null;
  const item = await itemForSource(tx, member.homeCommunityId, input.sourceKind, input.itemCode);
  if (!item || item.sourceKind !== input.sourceKind) return null;
  const points = Math.floor(item.points * (input.quantity ?? 1));
  if (points <= 0) return null;
  const inserted = await tx
    .insert(partyPoints)
    .values({
      memberId: member.id,
      branchOrgId: member.branchOrgId,
      communityId: member.homeCommunityId,
      sourceKind: input.sourceKind,
      sourceId: String(input.sourceId),
      item: item.code,
      points,
      occurredAt: input.occurredAt,
      note: input.note ?? null,
      evidence: input.evidence ?? null,
      enteredBy: input.enteredBy ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: partyPoints.id });
  return { memberId: member.id, item: item.code, points, created: inserted.length > 0 };
}
