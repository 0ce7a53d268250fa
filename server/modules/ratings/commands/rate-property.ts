import { desc, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { authorizeRating, mayRateProperty } from '../policy.ts';
import { propertyCompanyEstates, propertyRatings } from '../schema.ts';

/** A resident rates the property company of the estate they live in, once a month (a second rating replaces the first). */
export async function rateProperty(db: Db, actor: Actor, input: { month: string; score: number; comment?: string }) {
  if (!mayRateProperty(actor)) throw new AppError('FORBIDDEN');
  return withTx(db, async (tx) => {
    const [estate] = actor.scopePath
      ? await tx
          .select()
          .from(propertyCompanyEstates)
          .where(sql`${actor.scopePath} like ${propertyCompanyEstates.estatePath} || '%'`)
          .orderBy(desc(propertyCompanyEstates.estatePath))
          .limit(1)
      : [];
    if (!estate) throw invalid('month', '您所在的小区尚未登记物业公司');
    authorizeRating(actor, 'rate_property', estate.estatePath);
    const [row] = await tx
      .insert(propertyRatings)
      .values({
        companyId: estate.companyId,
        userId: actor.userId,
        month: input.month,
        score: input.score,
        comment: input.comment ?? null,
      })
      .onConflictDoUpdate({
        target: [propertyRatings.companyId, propertyRatings.userId, propertyRatings.month],
        set: { score: input.score, comment: input.comment ?? null },
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'ratings.property.rate',
      targetType: 'property_company',
      targetId: estate.companyId,
      scopePath: estate.estatePath,
      summary: { month: input.month, score: input.score },
    });
    return row!;
  });
}
