import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { publishLive } from '../../../platform/live/events.ts';
import { loadMemberFor } from '../load-member.ts';
import type { PartyViewer } from '../membership.ts';
import { authorizeMember } from '../policy.ts';
import { partyMembers } from '../schema.ts';

/**
 * The community confirms (or refuses) a dual registration. Once confirmed, the member serves
 * there: points earned from then on count for the registered community (home_community_id).
 */
export async function decideRegistration(
  db: Db,
  v: PartyViewer,
  memberId: number,
  input: { decision: 'confirm' | 'reject'; version: number },
) {
  return withTx(db, async (tx) => {
    const member = await loadMemberFor(tx, v, memberId, true);
    authorizeMember(v, 'confirm_registration', member);
    if (member.version !== input.version) throw new AppError('CONFLICT');
    const confirm = input.decision === 'confirm';
    const [row] = await tx
      .update(partyMembers)
      .set({
        registrationState: confirm ? 'confirmed' : 'rejected',
        homeCommunityId: confirm ? member.registeredCommunityId! : member.homeCommunityId,
        version: sql`${partyMembers.version} + 1`,
      })
      .where(and(eq(partyMembers.id, member.id), eq(partyMembers.version, input.version)))
      .returning();
    if (!row) throw new AppError('CONFLICT');
    await recordAudit(tx, v.actor, {
      action: `party.registration.${input.decision}`,
      targetType: 'party_member',
      targetId: member.id,
      scopePath: member.registeredPath,
      summary: { communityId: member.registeredCommunityId },
    });
    if (member.userId)
      await publishLive(tx, {
        topic: 'party.registration',
        userId: member.userId,
        payload: { memberId: member.id, state: row.registrationState },
      });
    return row;
  });
}
