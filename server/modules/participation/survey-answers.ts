import type { Question, SurveyResults } from '../../../contracts/participation.ts';
import { invalid } from '../../platform/errors.ts';

type Answer = number | number[] | string | null;

/**
 * Checks answers against the survey's questions (one per question, in order) and normalises them:
 * blank text becomes null, multiple choices are sorted. A wrong answer is a 422 naming `answers.<i>`.
 */
export function checkAnswers(questions: Question[], answers: Answer[]): Answer[] {
  if (answers.length !== questions.length)
    throw invalid('answers', `须回答全部 ${questions.length} 道题（可留空的题填 null）`);
  return questions.map((q, i) => {
    const path = `answers.${i}`;
    let a = answers[i] ?? null;
    if (typeof a === 'string') a = a.trim() || null;
    if (Array.isArray(a) && a.length === 0) a = null;
    if (a === null) {
      if (q.required) throw invalid(path, `第 ${i + 1} 题为必答题`);
      return null;
    }
    const inRange = (n: number) => Number.isInteger(n) && n >= 0 && n < q.options.length;
    if (q.kind === 'single') {
      if (typeof a !== 'number' || !inRange(a)) throw invalid(path, `第 ${i + 1} 题须选择一个选项`);
      return a;
    }
    if (q.kind === 'multiple') {
      if (!Array.isArray(a) || !a.every(inRange) || new Set(a).size !== a.length)
        throw invalid(path, `第 ${i + 1} 题须选择不重复的选项`);
      return [...a].sort((x, y) => x - y);
    }
    if (typeof a !== 'string') throw invalid(path, `第 ${i + 1} 题须填写文字`);
    return a;
  });
}

/** Tallies responses per question: option counts for choice questions, the texts (newest first) for text ones. */
export function tallySurvey(questions: Question[], responses: Answer[][]): SurveyResults {
  return {
    responses: responses.length,
    questions: questions.map((q, i) => {
      const given = responses.map((r) => r[i] ?? null).filter((a) => a !== null);
      const counts = q.options.map((option, o) => ({
        option,
        count: given.filter((a) => (Array.isArray(a) ? a.includes(o) : a === o)).length,
      }));
      const texts = q.kind === 'text' ? given.filter((a): a is string => typeof a === 'string').slice(0, 200) : [];
      return { kind: q.kind, title: q.title, counts: q.kind === 'text' ? [] : counts, texts, answered: given.length };
    }),
  };
}
