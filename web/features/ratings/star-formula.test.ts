import { describe, expect, it } from 'vitest';
import { formulaWithWeights, weightShares } from './star-formula';
import { starBreakdown } from './breakdown';

const INDICATORS = [
  { key: 'on_time_rate', weight: 3, target: 0.9 },
  { key: 'meeting_attendance', weight: 1, target: 0.8 },
  { key: 'member_points', weight: 0, target: 100 },
];

describe('star-rating configuration', () => {
  it('shows each weight as its share of the total', () => {
    expect(weightShares(INDICATORS)).toEqual({ on_time_rate: 75, meeting_attendance: 25, member_points: 0 });
    expect(weightShares([])).toEqual({});
  });
  it('writes the formula with the configured weights and targets, leaving out zero weights', () => {
    expect(formulaWithWeights(INDICATORS)).toBe(
      '得分 = 100 × (3 × min(1, 按期处置率 ÷ 0.9) + 1 × min(1, 会议出席率 ÷ 0.8)) ÷ 4',
    );
  });
  it('agrees with the breakdown of a result computed with the same weights', () => {
    const rows = starBreakdown({
      indicators: INDICATORS,
      values: { on_time_rate: 0.9, meeting_attendance: 0.4, member_points: 50 },
    });
    // 100 × (3 × 1 + 1 × 0.5) ÷ 4 = 87.5
    expect(rows.reduce((s, r) => s + r.points, 0)).toBe(87.5);
  });
});
