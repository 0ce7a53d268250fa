import { and, asc, count, countDistinct, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { communityNames, phaseOf } from './load.ts';
import { participationScopeWhere } from './policy.ts';
import { voteBallots, voteChoices, voteProjects, voteRounds, type VoteRoundRow } from './schema.ts';
import { tallyRound } from './vote-tally.ts';

export async function voteRoundViews(q: Queryable, actor: Actor | null, rows: VoteRoundRow[]) {
  const ids = rows.map((r) => r.id);
  const [names, projects, voters, mine] = await Promise.all([
    communityNames(
      q,
      rows.map((r) => r.communityId),
    ),
    ids.length
      ? q.select().from(voteProjects).where(inArray(voteProjects.roundId, ids)).orderBy(asc(voteProjects.id))
      : [],
    ids.length
      ? q
          .select({ id: voteBallots.roundId, n: count() })
          .from(voteBallots)
          .where(inArray(voteBallots.roundId, ids))
          .groupBy(voteBallots.roundId)
      : [],
    ids.length && actor
      ? q
          .select({ roundId: voteChoices.roundId, projectId: voteChoices.projectId })
          .from(voteChoices)
          .innerJoin(voteBallots, eq(voteBallots.id, voteChoices.ballotId))
          .where(and(inArray(voteBallots.roundId, ids), eq(voteBallots.userId, actor.userId)))
      : [],
  ]);
  return rows.map((r) => ({
    id: r.id,
    communityId: r.communityId,
    communityName: names.get(r.communityId) ?? '',
    title: r.title,
    description: r.description,
    votesPerResident: r.votesPerResident,
    budgetCapYuan: r.budgetCapYuan,
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    closedAt: r.closedAt,
    phase: phaseOf(r),
    projects: projects
      .filter((p) => p.roundId === r.id)
      .map((p) => ({ id: p.id, title: p.title, budgetYuan: p.budgetYuan, description: p.description })),
    voters: Number(voters.find((v) => v.id === r.id)?.n ?? 0),
    myVotes: mine.filter((m) => m.roundId === r.id).map((m) => m.projectId),
  }));
}

export async function listVoteRounds(q: Queryable, actor: Actor, communityId?: number) {
  const rows = await q
    .select()
    .from(voteRounds)
    .where(
      and(
        participationScopeWhere(actor, voteRounds.scopePath),
        communityId ? eq(voteRounds.communityId, communityId) : undefined,
      ),
    )
    .orderBy(desc(voteRounds.opensAt), desc(voteRounds.id))
    .limit(200);
  return voteRoundViews(q, actor, rows);
}

/** Votes per project and how many residents voted; who voted for what is never read. */
export async function voteResultsOf(q: Queryable, round: VoteRoundRow) {
  const [projects, counts, [voters]] = await Promise.all([
    q.select().from(voteProjects).where(eq(voteProjects.roundId, round.id)).orderBy(asc(voteProjects.id)),
    q
      .select({ projectId: voteChoices.projectId, n: count() })
      .from(voteChoices)
      .where(eq(voteChoices.roundId, round.id))
      .groupBy(voteChoices.projectId),
    q
      .select({ n: countDistinct(voteBallots.userId) })
      .from(voteBallots)
      .where(eq(voteBallots.roundId, round.id)),
  ]);
  return tallyRound(
    projects.map((p) => ({ id: p.id, title: p.title, budgetYuan: p.budgetYuan, description: p.description })),
    new Map(counts.map((c) => [c.projectId, Number(c.n)])),
    round.budgetCapYuan,
    Number(voters?.n ?? 0),
  );
}

/** The portal shows results of closed rounds only (early or by time): an open round's count would sway voters. */
export async function publicVoteResults(q: Queryable, communityId: number) {
  const rounds = await q
    .select()
    .from(voteRounds)
    .where(
      and(
        eq(voteRounds.communityId, communityId),
        or(isNotNull(voteRounds.closedAt), sql`${voteRounds.closesAt} <= now()`),
      ),
    )
    .orderBy(desc(voteRounds.closesAt))
    .limit(10);
  return Promise.all(
    rounds.map(async (r) => ({
      id: r.id,
      title: r.title,
      closedAt: r.closedAt ?? r.closesAt,
      budgetCapYuan: r.budgetCapYuan,
      results: await voteResultsOf(q, r),
    })),
  );
}
