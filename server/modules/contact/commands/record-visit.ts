import type { z } from 'zod';
import type { recordVisitBody } from '../../../../contracts/contact.ts';
import type { AppDeps } from '../../../app-deps.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { isUnder } from '../../../platform/scope.ts';
import { reportCase } from '../../cases/index.ts';
import { houseAddress } from '../../people/index.ts';
import { communityIdOf, loadHouse, loadRound } from '../load.ts';
import { authorizeContact } from '../policy.ts';
import { contactOpinions, contactVisits } from '../schema.ts';

type Input = z.infer<typeof recordVisitBody>;

/**
 * Records a visit to a household with the opinions collected. Opinions marked `toCase` become
 * cases (source 入户走访, the person met as reporter, the house's address) in the SAME
 * transaction: the log and its cases are written together or not at all.
 */
export async function recordVisit(deps: AppDeps, actor: Actor, input: Input) {
  return withTx(deps.db, async (tx) => {
    const house = await loadHouse(tx, input.houseNodeId);
    authorizeContact(actor, 'visit', { path: house.path, contactUserId: house.contactUserId });
    const round = await loadRound(tx, input.roundId);
    if (!isUnder(house.path, round.communityPath)) throw invalid('roundId', '该轮走访不属于此户所在社区');
    if (input.visitedOn < round.startsOn || input.visitedOn > round.endsOn)
      throw invalid('visitedOn', `走访日期须在本轮期间（${round.startsOn} 至 ${round.endsOn}）`);
    const [visit] = await tx
      .insert(contactVisits)
      .values({
        roundId: round.id,
        houseNodeId: house.id,
        housePath: house.path,
        visitorUserId: actor.userId,
        visitedOn: input.visitedOn,
        metName: input.metName,
        note: input.note,
      })
      .returning();
    const address = (await houseAddress(tx, house.id)) ?? house.name;
    const opinions = [];
    for (const [i, o] of input.opinions.entries()) {
      let caseId: number | null = null;
      if (o.toCase) {
        const filed = await reportCase(
          deps,
          actor,
          {
            title: o.text.slice(0, 40),
            description: `${round.title}入户走访（${input.visitedOn}，${input.metName}）反映：${o.text}`,
            source: 'visit',
            categoryId: o.categoryId,
            address,
            communityId: communityIdOf(house.path)!,
            reporterName: input.metName,
            photoIds: [],
            answers: {},
          },
          { systemSource: 'visit', tx },
        ).catch((err: unknown) => {
          throw withOpinionPath(err, i);
        });
        caseId = filed.id;
      }
      const [row] = await tx.insert(contactOpinions).values({ visitId: visit!.id, text: o.text, caseId }).returning();
      opinions.push({ id: row!.id, text: row!.text, caseId: row!.caseId });
    }
    await recordAudit(tx, actor, {
      action: 'contact.visit',
      targetType: 'contact_visit',
      targetId: visit!.id,
      scopePath: house.path,
      summary: {
        round: round.no,
        house: house.id,
        opinions: opinions.length,
        cases: opinions.filter((o) => o.caseId).map((o) => o.caseId),
      },
    });
    return { ...visit!, visitorName: actor.displayName, opinions };
  });
}

/** A case's field error is reported against the opinion it came from (opinions.2.categoryId). */
function withOpinionPath(err: unknown, index: number): unknown {
  if (!(err instanceof AppError) || !err.details) return err;
  const details = err.details.map((d) => ({ ...d, path: `opinions.${index}.${d.path}` }));
  return new AppError(err.code, { message: details.map((d) => d.message).join('；'), details });
}
