import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { categoryQuestions, type QuestionDatatype } from './schema.ts';

export type Answer = string | number | string[];

export interface Question {
  code: string;
  datatype: QuestionDatatype;
  required: boolean;
  order: number;
  description: string;
  datatypeDescription: string | null;
  values: { key: string; name: string }[];
}

const COLUMNS = {
  categoryId: categoryQuestions.categoryId,
  code: categoryQuestions.code,
  datatype: categoryQuestions.datatype,
  required: categoryQuestions.required,
  order: categoryQuestions.order,
  description: categoryQuestions.description,
  datatypeDescription: categoryQuestions.datatypeDescription,
  values: categoryQuestions.values,
};

/** The questions of a category, in the order they are asked. */
export async function questionsOf(db: Queryable, categoryId: number): Promise<Question[]> {
  const rows = await db
    .select(COLUMNS)
    .from(categoryQuestions)
    .where(eq(categoryQuestions.categoryId, categoryId))
    .orderBy(asc(categoryQuestions.order), asc(categoryQuestions.code));
  return rows.map(({ categoryId: _c, ...q }) => q);
}

/** Questions of many categories at once (Open311's service list flags the ones that ask). */
export async function questionsByCategory(db: Queryable, categoryIds: number[]): Promise<Map<number, Question[]>> {
  const out = new Map<number, Question[]>();
  if (!categoryIds.length) return out;
  const rows = await db
    .select(COLUMNS)
    .from(categoryQuestions)
    .where(inArray(categoryQuestions.categoryId, categoryIds))
    .orderBy(asc(categoryQuestions.order), asc(categoryQuestions.code));
  for (const { categoryId, ...q } of rows) out.set(categoryId, [...(out.get(categoryId) ?? []), q]);
  return out;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Checks answers against the questions and returns them typed, with one problem per wrong
 * question so that the reporter hears about all of them at once. Codes no question asks are
 * dropped (clients may send extras). `label` names a question in the messages.
 */
export function validateAnswers(
  questions: Question[],
  posted: Record<string, unknown>,
  options: { label?: (q: Question) => string; isDateTime?: (raw: string) => boolean } = {},
) {
  const label = options.label ?? ((q: Question) => `「${q.description}」`);
  const isDateTime = options.isDateTime ?? ((raw: string) => ISO_WITH_ZONE.test(raw) && !Number.isNaN(Date.parse(raw)));
  const values: Record<string, Answer> = {};
  const errors: { code: string; message: string }[] = [];
  for (const q of questions) {
    const raw = posted[q.code];
    const list = (raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw])
      .map((v) => String(v).trim())
      .filter(Boolean);
    const fail = (why: string) => errors.push({ code: q.code, message: `${label(q)} ${why}` });
    if (!list.length) {
      if (q.required) fail('为必填项');
      continue;
    }
    const keys = new Set(q.values.map((v) => v.key));
    switch (q.datatype) {
      case 'multivaluelist': {
        const unknown = list.filter((v) => !keys.has(v));
        if (unknown.length) fail(`含有不在可选范围内的值：${unknown.join('、')}`);
        else values[q.code] = [...new Set(list)];
        break;
      }
      case 'singlevaluelist':
        if (list.length > 1 || !keys.has(list[0]!)) fail('只能选择一个可选值');
        else values[q.code] = list[0]!;
        break;
      case 'number': {
        const n = Number(list[0]);
        if (list.length > 1 || !Number.isFinite(n)) fail('应为数字');
        else values[q.code] = n;
        break;
      }
      case 'datetime':
        if (list.length > 1 || !isDateTime(list[0]!)) fail('应为含时区的 ISO 8601 时间，如 2026-03-01T22:30:00+08:00');
        else values[q.code] = list[0]!;
        break;
      case 'string':
        if (list.length > 1 || /[\r\n]/.test(list[0]!) || list[0]!.length > 200) fail('应为不超过 200 字的单行文字');
        else values[q.code] = list[0]!;
        break;
      case 'text':
        if (list.length > 1 || list[0]!.length > 2000) fail('不能超过 2000 字');
        else values[q.code] = list[0]!;
        break;
    }
  }
  return { values, errors };
}

/** Stored answers as the case page shows them: question text and the chosen names, in question order. */
export function presentAnswers(questions: Question[], answers: Record<string, Answer>) {
  const asked = questions.filter((q) => answers[q.code] !== undefined);
  // Answers to questions removed since the report are still shown, under their code.
  const removed = Object.keys(answers).filter((code) => !questions.some((q) => q.code === code));
  const nameOf = (q: Question | undefined, v: string) => q?.values.find((x) => x.key === v)?.name ?? v;
  return [
    ...asked.map((q) => ({
      code: q.code,
      question: q.description,
      value: answers[q.code]!,
      display: ([] as (string | number)[])
        .concat(answers[q.code]!)
        .map((v) => nameOf(q, String(v)))
        .join('、'),
    })),
    ...removed.map((code) => ({
      code,
      question: code,
      value: answers[code]!,
      display: ([] as (string | number)[]).concat(answers[code]!).join('、'),
    })),
  ];
}
