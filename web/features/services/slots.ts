import type { Slot } from './types';
import { inShanghai } from '../../shared/time';

export interface SlotDay {
  date: string;
  label: string;
  slots: (Slot & { remaining: number })[];
}
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/**
 * Groups a station's slots by local day for the phone's day tabs, with the seats left in each.
 * Days keep the server's order (by start time); a full slot stays visible, greyed out.
 */
export function slotsByDay(slots: readonly Slot[]): SlotDay[] {
  const days: SlotDay[] = [];
  for (const slot of slots) {
    const start = inShanghai(slot.startsAt);
    const date = start.format('YYYY-MM-DD');
    let day = days.find((d) => d.date === date);
    if (!day) {
      day = { date, label: `${start.format('M/D')} 周${WEEKDAYS[start.day()]}`, slots: [] };
      days.push(day);
    }
    day.slots.push({ ...slot, remaining: Math.max(0, slot.capacity - slot.booked) });
  }
  return days;
}
