import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Queryable } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { memberOfUser } from '../../party/index.ts';
import { authorizeOutreach } from '../policy.ts';
import { outreachHouseholds } from '../schema.ts';

/** The actor's member record, or 404 for an account that is no registered member. */
export async function ownMember(db: Queryable, actor: Actor) {
  const member = await memberOfUser(db, actor.userId);
  if (!member) throw new AppError('NOT_FOUND', { message: '您还不是登记在册的党员' });
  return member;
}

export async function optedIn(db: Queryable, memberId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: outreachHouseholds.memberId })
    .from(outreachHouseholds)
    .where(eq(outreachHouseholds.memberId, memberId));
  return Boolean(row);
}

/**
 * 亮身份: a party member marks their home as 党员户 on the community's wall, or withdraws. Only
 * the member decides (opt-in); the home is the one the branch registered for them.
 */
export async function setOptIn(db: Db, actor: Actor, optIn: boolean) {
  authorizeOutreach(actor, 'self', null);
  return withTx(db, async (tx) => {
    const member = await ownMember(tx, actor);
    if (optIn) {
      if (!member.homeNodeId || !member.homePath)
        throw invalid('optIn', '党组织尚未登记您的家庭住址，暂不能亮为党员户');
      const communityId = Number(member.homePath.split('/').filter(Boolean)[2]);
      await tx
        .insert(outreachHouseholds)
        .values({
          memberId: member.id,
          userId: actor.userId,
          houseNodeId: member.homeNodeId,
          housePath: member.homePath,
          communityId,
        })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(outreachHouseholds)
        .where(and(eq(outreachHouseholds.memberId, member.id), eq(outreachHouseholds.userId, actor.userId)));
    }
    await recordAudit(tx, actor, {
      action: optIn ? 'outreach.household.opt_in' : 'outreach.household.opt_out',
      targetType: 'party_member',
      targetId: member.id,
      scopePath: member.homePath,
    });
    return { optedIn: optIn, hasHome: Boolean(member.homeNodeId) };
  });
}
