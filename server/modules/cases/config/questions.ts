import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { replaceQuestionsBody } from '../../../../contracts/case-config.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorizeConfig } from '../config-policy.ts';
import { caseCategories, categoryQuestions } from '../schema.ts';

type Input = z.infer<typeof replaceQuestionsBody>['questions'];

/** Every problem of the list at once, with its index, so the page can mark each field. */
function problemsOf(questions: Input): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.code)) problems.push({ path: `questions.${i}.code`, message: `问题编码 ${q.code} 重复` });
    seen.add(q.code);
    const isList = q.datatype === 'singlevaluelist' || q.datatype === 'multivaluelist';
    if (isList && q.values.length < 2)
      problems.push({ path: `questions.${i}.values`, message: '选择题至少要有 2 个选项' });
    if (!isList && q.values.length) problems.push({ path: `questions.${i}.values`, message: '只有选择题才有选项' });
    if (new Set(q.values.map((v) => v.key)).size !== q.values.length)
      problems.push({ path: `questions.${i}.values`, message: '选项编码重复' });
  });
  return problems;
}

/**
 * Replaces a class's extra questions (asked on the report form and published as its Open311
 * service definition). Answers already stored with cases stay as they were.
 */
export async function replaceQuestions(db: Db, actor: Actor, categoryId: number, questions: Input) {
  authorizeConfig(actor, 'write_tree');
  const problems = problemsOf(questions);
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', { message: problems.map((p) => p.message).join('；'), details: problems });
  return withTx(db, async (tx) => {
    const [category] = await tx.select().from(caseCategories).where(eq(caseCategories.id, categoryId)).for('update');
    if (!category) throw new AppError('NOT_FOUND', { message: '类别不存在' });
    if (category.parentId === null && questions.length)
      throw new AppError('VALIDATION_FAILED', {
        message: '附加问题设在小类上（上报时选择的是小类）',
        details: [{ path: 'questions', message: '大类不能设附加问题' }],
      });
    await tx.delete(categoryQuestions).where(eq(categoryQuestions.categoryId, categoryId));
    if (questions.length)
      await tx.insert(categoryQuestions).values(questions.map((q, i) => ({ ...q, categoryId, order: i + 1 })));
    await recordAudit(tx, actor, {
      action: 'cases.category.questions',
      targetType: 'case_category',
      targetId: categoryId,
      scopePath: actor.scopePath,
      summary: { code: category.code, questions: questions.map((q) => q.code) },
    });
  });
}
