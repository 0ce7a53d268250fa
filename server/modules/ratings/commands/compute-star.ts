import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { underPath } from '../../../platform/scope.ts';
import { branchAttendanceRate } from '../../meetings/index.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { orgNodes, partyOrgs } from '../../org/schema.ts';
import { DEFAULT_STAR_INDICATORS, STAR_FORMULA, starScore, type StarInputs } from '../formulas.ts';
import { authorizeRating } from '../policy.ts';
import type { RatingPorts } from '../ports.ts';
import { saveRun, yearRange } from '../save-run.ts';
import { starRatingConfigs } from '../schema.ts';

/** 评星定级: every grid branch of the street, from the street's indicator configuration. */
export async function computeStarRating(
  db: Db,
  actor: Actor,
  input: { streetId: number; year: number },
  ports: RatingPorts,
) {
  return withTx(db, async (tx) => {
    const street = await loadNodeInScope(tx, actor, input.streetId, 'street');
    authorizeRating(actor, 'compute', street.path);
    const [config] = await tx.select().from(starRatingConfigs).where(eq(starRatingConfigs.streetId, street.id));
    const indicators = config?.indicators ?? DEFAULT_STAR_INDICATORS;
    const { from, to } = yearRange(input.year);
    const branches = await tx
      .select({ id: partyOrgs.id, name: partyOrgs.name, path: orgNodes.path })
      .from(partyOrgs)
      .innerJoin(orgNodes, eq(orgNodes.id, partyOrgs.nodeId))
      .where(and(eq(partyOrgs.kind, 'grid_branch'), underPath(orgNodes.path, street.path)))
      .orderBy(asc(partyOrgs.id));
    const results = [];
    for (const b of branches) {
      const cases = ports.caseFigures ? await ports.caseFigures(tx, { scopePath: b.path, from, to }) : null;
      const values: StarInputs['values'] = {
        cases_handled: cases?.handled ?? null,
        on_time_rate: cases && cases.handled ? cases.onTimeHandled / cases.handled : null,
        meeting_attendance: await branchAttendanceRate(tx, b.id, from, to),
        member_points: ports.memberPoints ? await ports.memberPoints(tx, { partyOrgId: b.id, from, to }) : null,
        wishes_fulfilled: ports.wishesFulfilled
          ? await ports.wishesFulfilled(tx, { scopePath: b.path, from, to })
          : null,
      };
      const inputs: StarInputs = { indicators, values };
      const { score, stars } = starScore(inputs);
      results.push({
        subjectKind: 'branch' as const,
        subjectId: b.id,
        subjectName: b.name,
        subjectPath: b.path,
        inputs,
        score,
        outcome: String(stars),
      });
    }
    return saveRun(
      tx,
      actor,
      { kind: 'branch_star', period: String(input.year), street, formula: STAR_FORMULA },
      results,
    );
  });
}
