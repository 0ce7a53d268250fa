import { describe, expect, it } from 'vitest';
import { grade } from './grading.ts';

describe('grade', () => {
  const key = [
    { id: 1, answer: [2] },
    { id: 2, answer: [0, 3] },
    { id: 3, answer: [1] },
  ];
  it('counts a question only when exactly its options were chosen', () => {
    expect(grade(key, { '1': [2], '2': [3, 0], '3': [0] })).toEqual({ correct: 2, total: 3, score: 66 });
    expect(grade(key, { '1': [2], '2': [0], '3': [1] })).toMatchObject({ correct: 2 });
    expect(grade(key, { '1': [2], '2': [0, 1, 3], '3': [1] })).toMatchObject({ correct: 2 });
  });
  it('ignores repeated picks and missing answers', () => {
    expect(grade(key, { '1': [2, 2], '2': [0, 3], '3': [1] })).toMatchObject({ score: 100 });
    expect(grade(key, {})).toMatchObject({ correct: 0, score: 0 });
  });
});
