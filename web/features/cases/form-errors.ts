import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../../shared/api';

/**
 * Puts a 422's field errors (`error.details[].path`) next to the form's own fields and returns
 * what is left to show above the form: the message, unless every detail found its field.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, fields: string[], aliases: Record<string, string> = {}): string | null {
  if (!(err instanceof ApiError) || err.status !== 422 || !err.details.length) return errorMessage(err);
  const known = new Set(fields);
  const unplaced: string[] = [];
  const byField = new Map<string, string[]>();
  for (const d of err.details) {
    const name = aliases[d.path] ?? d.path.split('.')[0] ?? d.path;
    if (!known.has(name)) {
      unplaced.push(d.message);
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), d.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unplaced.length ? `${err.message}：${unplaced.join('；')}` : null;
}
