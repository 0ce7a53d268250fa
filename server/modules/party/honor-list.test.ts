import { describe, expect, it } from 'vitest';
import { rankHonorList } from './honor-list.ts';

const t = (memberId: number, points: number) => ({ memberId, name: `党员${memberId}`, points });

describe('rankHonorList', () => {
  it('puts the top fifth on the red list and those under half the average or at zero on the yellow list', () => {
    const list = rankHonorList([
      t(1, 10),
      t(2, 8),
      t(3, 6),
      t(4, 6),
      t(5, 2),
      t(6, 0),
      t(7, 6),
      t(8, 6),
      t(9, 6),
      t(10, 4),
    ]);
    expect(list.average).toBe(5.4);
    expect(list.red.map((r) => r.memberId)).toEqual([1, 2]);
    expect(list.yellow.map((r) => r.memberId)).toEqual([6, 5]);
  });
  it('lets ties share a place and never reds a member without points', () => {
    const list = rankHonorList([t(1, 3), t(2, 3), t(3, 0), t(4, 0), t(5, 0)]);
    expect(list.red.map((r) => [r.memberId, r.rank])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(rankHonorList([t(1, 0), t(2, 0)]).red).toEqual([]);
  });
});
