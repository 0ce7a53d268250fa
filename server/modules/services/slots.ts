import type { OpeningPeriod } from './schema.ts';

/** Weekday of an ISO date (1 = Monday … 7 = Sunday); the date is a local calendar day. */
export function weekdayOf(isoDate: string): number {
  const d = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The slots a station's opening hours give over `days` days from `from` (Asia/Shanghai, no DST). */
export function slotsFor(
  hours: readonly OpeningPeriod[],
  slotMinutes: number,
  from: string,
  days: number,
): { startsAt: Date; endsAt: Date }[] {
  const out: { startsAt: Date; endsAt: Date }[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    for (const period of hours.filter((h) => h.weekday === weekdayOf(day))) {
      const close = Date.parse(`${day}T${period.close}:00+08:00`);
      for (
        let t = Date.parse(`${day}T${period.open}:00+08:00`);
        t + slotMinutes * 60_000 <= close;
        t += slotMinutes * 60_000
      ) {
        out.push({ startsAt: new Date(t), endsAt: new Date(t + slotMinutes * 60_000) });
      }
    }
  }
  return out;
}
