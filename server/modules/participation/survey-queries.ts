import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { communityNames, phaseOf } from './load.ts';
import { participationScopeWhere } from './policy.ts';
import { surveyResponses, surveys, type SurveyRow } from './schema.ts';
import { tallySurvey } from './survey-answers.ts';

export async function surveyViews(q: Queryable, actor: Actor, rows: SurveyRow[]) {
  const ids = rows.map((r) => r.id);
  const [names, counts, mine] = await Promise.all([
    communityNames(
      q,
      rows.map((r) => r.communityId),
    ),
    ids.length
      ? q
          .select({ id: surveyResponses.surveyId, n: count() })
          .from(surveyResponses)
          .where(inArray(surveyResponses.surveyId, ids))
          .groupBy(surveyResponses.surveyId)
      : [],
    ids.length
      ? q
          .select({ id: surveyResponses.surveyId })
          .from(surveyResponses)
          .where(and(inArray(surveyResponses.surveyId, ids), eq(surveyResponses.userId, actor.userId)))
      : [],
  ]);
  return rows.map((r) => ({
    id: r.id,
    communityId: r.communityId,
    communityName: names.get(r.communityId) ?? '',
    title: r.title,
    intro: r.intro,
    questions: r.questions,
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    phase: phaseOf(r),
    responses: Number(counts.find((c) => c.id === r.id)?.n ?? 0),
    answeredByMe: mine.some((m) => m.id === r.id),
  }));
}

export async function listSurveys(q: Queryable, actor: Actor, communityId?: number) {
  const rows = await q
    .select()
    .from(surveys)
    .where(
      and(
        participationScopeWhere(actor, surveys.scopePath),
        communityId ? eq(surveys.communityId, communityId) : undefined,
      ),
    )
    .orderBy(desc(surveys.opensAt), desc(surveys.id))
    .limit(200);
  return surveyViews(q, actor, rows);
}

/** Results for staff: counts per option and the texts, never who answered what. */
export async function surveyResultsOf(q: Queryable, survey: SurveyRow) {
  const rows = await q
    .select({ answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, survey.id))
    .orderBy(desc(surveyResponses.id));
  return tallySurvey(
    survey.questions,
    rows.map((r) => r.answers),
  );
}
