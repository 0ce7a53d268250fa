import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { publishLive } from '../../../platform/live/events.ts';
import { loadMemberFor } from '../load-member.ts';
import type { PartyViewer } from '../membership.ts';
import { authorizeMember } from '../policy.ts';
import { partyAlerts } from '../schema.ts';

/** The branch records that it reminded the member (提醒谈话), which takes the alert off its to-do list. */
export async function remindAlert(db: Db, v: PartyViewer, alertId: number) {
  return withTx(db, async (tx) => {
    const [alert] = await tx.select().from(partyAlerts).where(eq(partyAlerts.id, alertId));
    if (!alert) throw new AppError('NOT_FOUND');
    const member = await loadMemberFor(tx, v, alert.memberId);
    authorizeMember(v, 'manage', member);
    const [row] = await tx
      .update(partyAlerts)
      .set({ remindedAt: new Date(), remindedBy: v.actor.userId })
      .where(and(eq(partyAlerts.id, alertId), isNull(partyAlerts.remindedAt)))
      .returning();
    if (!row) throw new AppError('CASE_INVALID_TRANSITION', { message: '已提醒过该党员' });
    await recordAudit(tx, v.actor, {
      action: 'party.alert.remind',
      targetType: 'party_alert',
      targetId: alertId,
      scopePath: member.branchPath,
      summary: { memberId: member.id, periodKey: alert.periodKey },
    });
    if (member.userId)
      await publishLive(tx, {
        topic: 'party.reminder',
        userId: member.userId,
        payload: { alertId, periodKey: alert.periodKey },
      });
    return row;
  });
}
