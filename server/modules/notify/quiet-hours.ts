/**
 * Quiet hours are Asia/Shanghai wall-clock times. China keeps UTC+8 all year (no daylight saving),
 * so the local minute of the day is plain arithmetic on the instant.
 */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const DAY = 24 * 60;

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

export interface QuietHours {
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
}

/** When a non-urgent notice may go out: `now` outside the window, else the window's end (whole minute). */
export function quietHoursRelease(settings: QuietHours | null | undefined, now: Date): Date | null {
  if (!settings?.quietEnabled) return null;
  const start = minutesOf(settings.quietStart);
  const end = minutesOf(settings.quietEnd);
  if (start === end) return null;
  const wholeMinutes = Math.floor(now.getTime() / 60_000);
  const local = (wholeMinutes + SHANGHAI_OFFSET_MINUTES) % DAY;
  const inside = start < end ? local >= start && local < end : local >= start || local < end;
  if (!inside) return null;
  return new Date((wholeMinutes + ((end - local + DAY) % DAY)) * 60_000);
}
