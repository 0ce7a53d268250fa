import { and, asc, avg, count, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { departments } from '../../org/schema.ts';
import { DEPARTMENT_FORMULA, departmentScore, type DepartmentInputs } from '../formulas.ts';
import { authorizeRating } from '../policy.ts';
import type { RatingPorts } from '../ports.ts';
import { saveRun, yearRange } from '../save-run.ts';
import { departmentVotes } from '../schema.ts';

/** Yearly grade suggestion for the departments serving the street (its local units and the district bureaus). */
export async function computeDepartmentRatings(
  db: Db,
  actor: Actor,
  input: { streetId: number; year: number },
  ports: RatingPorts,
) {
  return withTx(db, async (tx) => {
    const street = await loadNodeInScope(tx, actor, input.streetId, 'street');
    authorizeRating(actor, 'compute', street.path);
    const { from, to } = yearRange(input.year);
    const serving = [street.id, street.parentId!].filter(Boolean);
    const depts = await tx
      .select()
      .from(departments)
      .where(inArray(departments.servesNodeId, serving))
      .orderBy(asc(departments.id));
    const results = [];
    for (const d of depts) {
      const cases = ports.caseFigures
        ? await ports.caseFigures(tx, { departmentId: d.id, scopePath: street.path, from, to })
        : null;
      const [v] = await tx
        .select({ avg: avg(departmentVotes.score), n: count() })
        .from(departmentVotes)
        .where(and(eq(departmentVotes.departmentId, d.id), eq(departmentVotes.year, input.year)));
      const inputs: DepartmentInputs = {
        avgResponseMinutes: cases?.avgResponseMinutes ?? null,
        handled: cases?.handled ?? 0,
        onTimeHandled: cases?.onTimeHandled ?? 0,
        rated: cases?.rated ?? 0,
        satisfied: cases?.satisfied ?? 0,
        voteAvg: v!.n ? Math.round(Number(v!.avg) * 100) / 100 : null,
        votes: v!.n,
      };
      const { score, grade } = departmentScore(inputs);
      results.push({
        subjectKind: 'department' as const,
        subjectId: d.id,
        subjectName: d.name,
        subjectPath: street.path,
        inputs,
        score,
        outcome: grade,
      });
    }
    return saveRun(
      tx,
      actor,
      { kind: 'department_year', period: String(input.year), street, formula: DEPARTMENT_FORMULA },
      results,
    );
  });
}
