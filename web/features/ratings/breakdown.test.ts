import { describe, expect, it } from 'vitest';
import { starBreakdown, streetIdOf } from './breakdown';

describe('star rating breakdown', () => {
  it('gives each indicator its weighted, capped share, adding up to the score', () => {
    const rows = starBreakdown({
      indicators: [
        { key: 'cases_handled', weight: 25, target: 50 },
        { key: 'on_time_rate', weight: 25, target: 0.9 },
        { key: 'meeting_attendance', weight: 50, target: 0.8 },
      ],
      values: { cases_handled: 100, on_time_rate: 0.45, meeting_attendance: null },
    });
    expect(rows.map((r) => r.points)).toEqual([25, 12.5, 0]);
    expect(rows[0]!.ratio).toBe(1);
    expect(rows[2]!.value).toBeNull();
    expect(rows[0]!.label).toBe('网格内处置事件数');
  });

  it('reads the street from a scope path', () => {
    expect(streetIdOf('/1/12/130/')).toBe(12);
    expect(streetIdOf('/1/')).toBeNull();
    expect(streetIdOf(undefined)).toBeNull();
  });
});
