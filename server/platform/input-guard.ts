import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/**
 * PostgreSQL cannot store NUL in text and a lone UTF-16 surrogate is no character at all:
 * either reached the database as a 500. One check for every route, before its own schema,
 * refuses such strings anywhere in the body, query or path with a 422 naming the field.
 */
// oxlint-disable-next-line no-control-regex -- finding NUL bytes is the point of this guard
const FORBIDDEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findBadString(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return FORBIDDEN.test(value) ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = path ? `${path}.${key}` : key;
    if (FORBIDDEN.test(key)) return childPath;
    const hit = findBadString(child, childPath, depth + 1);
    if (hit) return hit;
  }
  return null;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const hit =
      findBadString(request.params, '') ?? findBadString(request.query, '') ?? findBadString(request.body, '');
    if (hit) {
      const message = '不能包含空字符（\\u0000）或无效的 Unicode 字符';
      throw new AppError('VALIDATION_FAILED', { message: `${hit}: ${message}`, details: [{ path: hit, message }] });
    }
  });
}
