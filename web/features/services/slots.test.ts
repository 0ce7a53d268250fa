import { describe, expect, it } from 'vitest';
import { slotsByDay } from './slots';

const slot = (id: number, startsAt: string, booked: number) => ({
  id,
  stationId: 1,
  startsAt,
  endsAt: startsAt,
  capacity: 3,
  booked,
});

describe('slots by day', () => {
  it('groups slots by local day in order with the seats left, full ones kept', () => {
    process.env.TZ = 'Asia/Shanghai';
    const days = slotsByDay([
      slot(1, '2026-03-02T01:00:00Z', 0),
      slot(2, '2026-03-02T01:30:00Z', 3),
      slot(3, '2026-03-03T06:00:00Z', 5),
    ]);
    expect(days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03']);
    expect(days[0]!.label).toBe('3/2 周一');
    expect(days[0]!.slots.map((s) => s.remaining)).toEqual([3, 0]);
    expect(days[1]!.slots[0]!.remaining).toBe(0);
  });
});
