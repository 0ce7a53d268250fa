import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createVoteRoundBody } from '../../../../contracts/participation.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Queryable } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { assertOpen, loadCommunity, phaseOf } from '../load.ts';
import { authorizeCreateIn, authorizeParticipation, participationScopeWhere } from '../policy.ts';
import { voteBallots, voteChoices, voteProjects, voteRounds } from '../schema.ts';

/**
 * A round the actor sees (404 otherwise). Ballots take it FOR SHARE and closing FOR UPDATE, so a
 * close waits for ballots in flight and every ballot after it sees the round closed.
 */
export async function loadRound(q: Queryable, actor: Actor, id: number, lock?: 'share' | 'update') {
  const query = q
    .select()
    .from(voteRounds)
    .where(and(eq(voteRounds.id, id), participationScopeWhere(actor, voteRounds.scopePath)))
    .limit(1);
  const [row] = lock ? await query.for(lock) : await query;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function createVoteRound(db: Db, actor: Actor, input: z.infer<typeof createVoteRoundBody>) {
  return withTx(db, async (tx) => {
    const community = await loadCommunity(tx, input.communityId);
    authorizeCreateIn(actor, community);
    const [round] = await tx
      .insert(voteRounds)
      .values({
        communityId: community.id,
        scopePath: community.path,
        title: input.title,
        description: input.description,
        votesPerResident: input.votesPerResident,
        budgetCapYuan: input.budgetCapYuan,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        createdBy: actor.userId,
      })
      .returning();
    await tx.insert(voteProjects).values(input.projects.map((p) => ({ ...p, roundId: round!.id })));
    await recordAudit(tx, actor, {
      action: 'participation.vote.publish',
      targetType: 'participation_vote_round',
      targetId: round!.id,
      scopePath: community.path,
      summary: { title: input.title, projects: input.projects.length, votesPerResident: input.votesPerResident },
    });
    return round!;
  });
}

/**
 * A verified resident's ballot: up to K distinct projects of the round, cast once. The unique
 * (round, user) index decides between concurrent ballots of one resident: one is stored, the
 * others get 409 — no check-then-insert race.
 */
export async function castBallot(db: Db, actor: Actor, id: number, projectIds: number[]) {
  return withTx(db, async (tx) => {
    const round = await loadRound(tx, actor, id, 'share');
    authorizeParticipation(actor, 'take_part', round);
    assertOpen(round, '投票');
    if (projectIds.length > round.votesPerResident)
      throw invalid('projectIds', `每人最多投 ${round.votesPerResident} 票`);
    const known = new Set(
      (await tx.select({ id: voteProjects.id }).from(voteProjects).where(eq(voteProjects.roundId, id))).map(
        (p) => p.id,
      ),
    );
    const unknown = projectIds.findIndex((p) => !known.has(p));
    if (unknown >= 0) throw invalid(`projectIds.${unknown}`, '该项目不在本轮候选项目中');
    const [ballot] = await tx
      .insert(voteBallots)
      .values({ roundId: id, userId: actor.userId })
      .onConflictDoNothing()
      .returning({ id: voteBallots.id });
    if (!ballot) throw new AppError('DUPLICATE', { message: '您已在本轮投过票，不能重复投票' });
    await tx
      .insert(voteChoices)
      .values(projectIds.map((projectId) => ({ ballotId: ballot.id, roundId: id, projectId })));
    return { projectIds };
  });
}

/** Staff close a round early; a closed round (early or by its time) takes no ballots and no change. */
export async function closeVoteRound(db: Db, actor: Actor, id: number) {
  return withTx(db, async (tx) => {
    const round = await loadRound(tx, actor, id, 'update');
    authorizeParticipation(actor, 'manage', round);
    if (phaseOf(round) === 'closed') throw new AppError('CONFLICT', { message: '投票已结束，结果不可更改' });
    const [row] = await tx.update(voteRounds).set({ closedAt: new Date() }).where(eq(voteRounds.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'participation.vote.close',
      targetType: 'participation_vote_round',
      targetId: id,
      scopePath: round.scopePath,
    });
    return row!;
  });
}
