import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from './api';

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * The server's 422/409 details as antd field errors: 'items.0.code' → ['items', 0, 'code'].
 * `aliases` renames a server field to the form's (startsAt and endsAt → one time range).
 * Details whose field the form does not have are left out (the caller shows the message).
 */
export function fieldErrorsOf(
  err: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): FieldError[] {
  if (!(err instanceof ApiError)) return [];
  const byField = new Map<string, FieldError>();
  for (const d of err.details) {
    const parts = d.path
      .split('.')
      .filter(Boolean)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const first = parts[0];
    if (typeof first !== 'string') continue;
    const root = aliases[first] ?? first;
    if (!fields.includes(root)) continue;
    const name = [root, ...parts.slice(1)];
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(d.message)) entry.errors.push(d.message);
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/** Puts the server's field errors on the form; returns false when none matched (show the message instead). */
export function applyFieldErrors<T>(
  form: Pick<FormInstance<T>, 'setFields'>,
  err: unknown,
  fields: readonly string[],
  aliases?: Record<string, string>,
): boolean {
  const errors = fieldErrorsOf(err, fields, aliases);
  // The names come from the server, so antd's per-form name typing cannot check them.
  if (errors.length) form.setFields(errors as Parameters<FormInstance<T>['setFields']>[0]);
  return errors.length > 0;
}

/**
 * Puts the field errors it can beside their fields and returns what is left to show above the
 * form: the message with the details no field took, or null when every detail found its field.
 */
export function formErrorMessage<T>(
  form: Pick<FormInstance<T>, 'setFields'>,
  err: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): string | null {
  if (!(err instanceof ApiError) || !err.details.length) return errorMessage(err);
  applyFieldErrors(form, err, fields, aliases);
  const unplaced = err.details.filter((d) => {
    const first = d.path.split('.')[0] ?? d.path;
    return !fields.includes(aliases[first] ?? first);
  });
  return unplaced.length ? `${err.message}：${unplaced.map((d) => d.message).join('；')}` : null;
}
