import { shanghaiToday } from '../../platform/calendar/local-day.ts';

/** GS + the Shanghai date of `at`: the start of every case number filed then. */
export function caseNoPrefix(at: Date): string {
  return `GS${shanghaiToday(at).replaceAll('-', '')}`;
}

/** The case number: GS + Shanghai date + the id padded to 7 digits (never cut: lpad would). */
export function caseNo(id: number, at: Date): string {
  return caseNoPrefix(at) + String(id).padStart(7, '0');
}
