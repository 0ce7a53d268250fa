import { validateAnswers, type Question } from '../cases/index.ts';
import { parseW3cDate } from './format.ts';

/**
 * Checks the answers against the service definition (the category's questions, kept by the
 * cases module) and returns them typed, one message per problem so that the client hears about
 * every wrong field at once. Codes the definition does not know are ignored.
 */
export function validateAttributes(questions: Question[], posted: Record<string, string | string[]>) {
  const { values, errors } = validateAnswers(questions, posted, {
    label: (q) => `attribute[${q.code}]（${q.description}）`,
    isDateTime: (raw) => parseW3cDate(raw) !== null,
  });
  return { values, errors: errors.map((e) => e.message) };
}
