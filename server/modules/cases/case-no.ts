// Built once: constructing an Intl.DateTimeFormat costs about a millisecond, more than a report's own work.
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** GS + the Shanghai date of `at`: the start of every case number filed then. */
export function caseNoPrefix(at: Date): string {
  return `GS${SHANGHAI_DAY.format(at).replaceAll('-', '')}`;
}

/** The case number: GS + Shanghai date + the id padded to 7 digits (never cut: lpad would). */
export function caseNo(id: number, at: Date): string {
  return caseNoPrefix(at) + String(id).padStart(7, '0');
}
