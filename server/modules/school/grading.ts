/** A question's key, as stored: the indexes of its correct options. */
export interface AnswerKey {
  id: number;
  answer: number[];
}

/**
 * Scores answers against the key: a question counts only when exactly its correct options were
 * chosen (no partial credit for multiple choice, as in the paper exams the school replaces).
 * Score is 0–100, rounded down so a pass is never rounded into existence.
 */
export function grade(
  key: AnswerKey[],
  answers: Record<string, number[]>,
): { correct: number; total: number; score: number } {
  let correct = 0;
  for (const q of key) {
    const chosen = [...new Set(answers[String(q.id)] ?? [])].sort((a, b) => a - b);
    const right = [...q.answer].sort((a, b) => a - b);
    if (chosen.length === right.length && chosen.every((c, i) => c === right[i])) correct++;
  }
  const total = key.length;
  return { correct, total, score: total === 0 ? 100 : Math.floor((correct * 100) / total) };
}
