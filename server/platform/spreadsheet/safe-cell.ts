/**
 * The one guard every .xlsx/.csv export puts each cell through: spreadsheet formula injection
 * (CWE-1236, OWASP "CSV Injection"). Text starting with = + - @, a tab or a carriage return
 * (which some programs strip before deciding it is a formula) is prefixed with an apostrophe,
 * so Excel, WPS and LibreOffice show it as text instead of evaluating it. Numbers stay numbers —
 * a negative number is a value, not a formula — and null stays an empty cell.
 */
export function safeCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;
