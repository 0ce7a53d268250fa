import { AppError } from '../../../platform/errors.ts';
import type { CellError, FieldSpec } from '../import/kind.ts';

/**
 * A form's rejected fields as one 422, each named by its Chinese label (the same labels the
 * import's error report uses), e.g. "证件号码：校验码错误". `rename` maps an import column to the
 * form's field (the import's gridCode is the form's gridId), `labels` its wording there.
 */
export function fieldErrors(
  errors: CellError[],
  fields: FieldSpec[],
  rename: Record<string, string> = {},
  labels: Record<string, string> = {},
): AppError {
  const labelOf = (field: string) => labels[field] ?? fields.find((f) => f.field === field)?.label ?? field;
  const details = errors.map((e) => ({
    path: rename[e.field] ?? e.field,
    message: `${labelOf(e.field)}：${e.reason}`,
  }));
  return new AppError('VALIDATION_FAILED', { message: details.map((d) => d.message).join('；'), details });
}

/** One rejected field with its Chinese label. */
export function fieldError(path: string, label: string, reason: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    message: `${label}：${reason}`,
    details: [{ path, message: `${label}：${reason}` }],
  });
}
