import { and, asc, avg, count, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { PROPERTY_FORMULA, propertyScore, type PropertyInputs } from '../formulas.ts';
import { authorizeRating } from '../policy.ts';
import type { RatingPorts } from '../ports.ts';
import { monthRange, saveRun } from '../save-run.ts';
import { propertyCompanies, propertyCompanyEstates, propertyRatings } from '../schema.ts';

/** 红色物业 monthly score of every property company on the street's list. */
export async function computePropertyList(
  db: Db,
  actor: Actor,
  input: { streetId: number; month: string },
  ports: RatingPorts,
) {
  return withTx(db, async (tx) => {
    const street = await loadNodeInScope(tx, actor, input.streetId, 'street');
    authorizeRating(actor, 'compute', street.path);
    const { from, to } = monthRange(input.month);
    const companies = await tx
      .select()
      .from(propertyCompanies)
      .where(eq(propertyCompanies.streetId, street.id))
      .orderBy(asc(propertyCompanies.id));
    const results = [];
    for (const c of companies) {
      const estates = await tx
        .select({ id: propertyCompanyEstates.estateNodeId })
        .from(propertyCompanyEstates)
        .where(eq(propertyCompanyEstates.companyId, c.id));
      const [r] = await tx
        .select({ avg: avg(propertyRatings.score), n: count() })
        .from(propertyRatings)
        .where(and(eq(propertyRatings.companyId, c.id), eq(propertyRatings.month, input.month)));
      const cases =
        ports.caseFigures && estates.length
          ? await ports.caseFigures(tx, { estateNodeIds: estates.map((e) => e.id), from, to })
          : null;
      const inputs: PropertyInputs = {
        ratingAvg: r!.n ? Math.round(Number(r!.avg) * 100) / 100 : null,
        ratingCount: r!.n,
        handled: cases?.handled ?? 0,
        onTimeHandled: cases?.onTimeHandled ?? 0,
        rated: cases?.rated ?? 0,
        satisfied: cases?.satisfied ?? 0,
      };
      const { score, colour } = propertyScore(inputs);
      results.push({
        subjectKind: 'property_company' as const,
        subjectId: c.id,
        subjectName: c.name,
        subjectPath: street.path,
        inputs,
        score,
        outcome: colour,
      });
    }
    return saveRun(
      tx,
      actor,
      { kind: 'property_month', period: input.month, street, formula: PROPERTY_FORMULA },
      results,
    );
  });
}
