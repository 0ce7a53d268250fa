import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createSurveyBody } from '../../../../contracts/participation.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Queryable } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertOpen, loadCommunity } from '../load.ts';
import { authorizeCreateIn, authorizeParticipation, participationScopeWhere } from '../policy.ts';
import { surveyResponses, surveys } from '../schema.ts';
import { checkAnswers } from '../survey-answers.ts';

export async function loadSurvey(q: Queryable, actor: Actor, id: number) {
  const [row] = await q
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, id), participationScopeWhere(actor, surveys.scopePath)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function createSurvey(db: Db, actor: Actor, input: z.infer<typeof createSurveyBody>) {
  return withTx(db, async (tx) => {
    const community = await loadCommunity(tx, input.communityId);
    authorizeCreateIn(actor, community);
    const [row] = await tx
      .insert(surveys)
      .values({
        communityId: community.id,
        scopePath: community.path,
        title: input.title,
        intro: input.intro,
        questions: input.questions,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'participation.survey.publish',
      targetType: 'participation_survey',
      targetId: row!.id,
      scopePath: community.path,
      summary: { title: input.title, questions: input.questions.length },
    });
    return row!;
  });
}

/** One response per resident: the unique (survey, user) index turns a second — even a concurrent one — into 409. */
export async function answerSurvey(db: Db, actor: Actor, id: number, answers: (number | number[] | string | null)[]) {
  return withTx(db, async (tx) => {
    const survey = await loadSurvey(tx, actor, id);
    authorizeParticipation(actor, 'take_part', survey);
    assertOpen(survey, '问卷');
    const checked = checkAnswers(survey.questions, answers);
    const [row] = await tx
      .insert(surveyResponses)
      .values({ surveyId: id, userId: actor.userId, answers: checked })
      .onConflictDoNothing()
      .returning({ id: surveyResponses.id });
    if (!row) throw new AppError('DUPLICATE', { message: '您已提交过该问卷' });
    return { answered: true as const };
  });
}
