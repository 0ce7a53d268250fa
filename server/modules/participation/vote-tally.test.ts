import { describe, expect, it } from 'vitest';
import { tallyRound } from './vote-tally.ts';

const project = (id: number, budgetYuan: number) => ({ id, title: `项目${id}`, budgetYuan, description: '说明' });
const summary = (r: ReturnType<typeof tallyRound>) =>
  r.projects.map((p) => [p.id, p.votes, p.rank, p.tied, p.funded, p.tieAtCutoff]);

describe('tallyRound', () => {
  it('ranks by votes and funds in rank order while the money lasts', () => {
    const r = tallyRound(
      [project(1, 30), project(2, 50), project(3, 40)],
      new Map([
        [1, 5],
        [2, 9],
        [3, 2],
      ]),
      90,
      10,
    );
    expect(summary(r)).toEqual([
      [2, 9, 1, false, true, false],
      [1, 5, 2, false, true, false],
      [3, 2, 3, false, false, false],
    ]);
  });

  it('gives tied projects one rank and skips the next; funds a tie that fits as a whole', () => {
    const r = tallyRound(
      [project(1, 10), project(2, 10), project(3, 10)],
      new Map([
        [1, 4],
        [2, 4],
        [3, 1],
      ]),
      30,
      6,
    );
    expect(summary(r)).toEqual([
      [1, 4, 1, true, true, false],
      [2, 4, 1, true, true, false],
      [3, 1, 3, false, true, false],
    ]);
  });

  it('funds none of a tie the money cannot cover, marks it, and stops (no lower project jumps it)', () => {
    const r = tallyRound(
      [project(1, 60), project(2, 30), project(3, 30), project(4, 5)],
      new Map([
        [1, 8],
        [2, 3],
        [3, 3],
        [4, 1],
      ]),
      100,
      9,
    );
    expect(summary(r)).toEqual([
      [1, 8, 1, false, true, false],
      [2, 3, 2, true, false, true],
      [3, 3, 2, true, false, true],
      [4, 1, 4, false, false, false],
    ]);
  });

  it('never funds a project without votes', () => {
    const r = tallyRound([project(1, 1), project(2, 1)], new Map([[1, 1]]), 100, 1);
    expect(r.projects.map((p) => p.funded)).toEqual([true, false]);
  });
});
