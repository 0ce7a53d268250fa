import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { decisionScopeWhere } from './policy.ts';
import { decisions, decisionSteps, meetings } from './schema.ts';

export async function decisionsList(db: Queryable, actor: Actor) {
  return db.select().from(decisions).where(decisionScopeWhere(actor)).orderBy(desc(decisions.createdAt)).limit(200);
}

/** The steps with the title and date of the meeting each was taken at. */
export async function decisionStepsOf(db: Queryable, decisionIds: number[]) {
  if (!decisionIds.length) return [];
  return db
    .select({
      decisionId: decisionSteps.decisionId,
      step: decisionSteps.step,
      kind: decisionSteps.kind,
      meetingId: decisionSteps.meetingId,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
      votesFor: decisionSteps.votesFor,
      votesAgainst: decisionSteps.votesAgainst,
      votesAbstain: decisionSteps.votesAbstain,
      note: decisionSteps.note,
      recordedAt: decisionSteps.recordedAt,
    })
    .from(decisionSteps)
    .leftJoin(meetings, eq(meetings.id, decisionSteps.meetingId))
    .where(inArray(decisionSteps.decisionId, decisionIds))
    .orderBy(asc(decisionSteps.decisionId), asc(decisionSteps.step));
}

/**
 * What the community's public page shows: records whose resolution has been published
 * (step 5 or later), with their public steps only — internal deliberation notes stay inside.
 */
export async function publishedDecisions(db: Queryable, communityId: number) {
  const published = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.communityId, communityId), gte(decisions.stepsDone, 5)))
    .orderBy(desc(decisions.createdAt))
    .limit(100);
  const steps = await decisionStepsOf(
    db,
    published.map((d) => d.id),
  );
  return published.map((d) => ({
    id: d.id,
    title: d.title,
    summary: d.summary,
    status: d.status,
    published: steps
      .filter((s) => s.decisionId === d.id && (s.kind === 'resolution_published' || s.kind === 'result_published'))
      .map((s) => ({ kind: s.kind, note: s.note, recordedAt: s.recordedAt })),
    votes: steps
      .filter((s) => s.decisionId === d.id && s.votesFor !== null)
      .map((s) => ({ kind: s.kind, votesFor: s.votesFor, votesAgainst: s.votesAgainst, votesAbstain: s.votesAbstain })),
  }));
}
