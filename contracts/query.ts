import { z } from 'zod';

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * A number that arrives as text (query string, path segment, form field): plain decimal only.
 * `z.coerce.number()` took '0x10' as 16, '1e3' as 1000, 'Infinity' as Infinity and '' as 0.
 * Usage: `decimal(decimalNumber().int().min(1))`; numbers that arrive as numbers pass unchanged.
 */
export function decimal<T extends z.ZodType<number>>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && DECIMAL.test(v.trim()) ? Number(v) : v), schema);
}
export const decimalNumber = () => z.number({ error: '须为十进制数字' });

/** A yes/no flag that arrives as text: true/1 or false/0 (`z.coerce.boolean()` took 'false' as true). */
export const textFlag = () =>
  z.enum(['true', 'false', '1', '0'], { error: '须为 true 或 false' }).transform((v) => v === 'true' || v === '1');
