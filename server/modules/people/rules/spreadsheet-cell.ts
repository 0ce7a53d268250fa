/**
 * Neutralises spreadsheet formula injection (CWE-1236): a cell that starts with = + - @ (or a
 * tab / carriage return, which some spreadsheet programs strip first) is prefixed with an
 * apostrophe so that Excel and WPS show it as text instead of evaluating it.
 */
export function safeCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
