import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorBody, type ErrorCode, type ErrorDetail } from '../../contracts/errors.ts';

/** The one error type handlers throw; its code decides the HTTP status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  readonly explicitMessage: boolean;
  constructor(code: ErrorCode, options: { message?: string; details?: ErrorDetail[] } = {}) {
    super(options.message ?? ERRORS[code].zh);
    this.code = code;
    this.details = options.details;
    this.explicitMessage = options.message !== undefined;
  }
}

/** Shorthand for a 422 on one field: `invalid('parentId', '上级节点不存在')`. */
export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message: `${path}: ${message}`, details: [{ path, message }] });
}

function prefersEnglish(request: FastifyRequest): boolean {
  return /^en\b/i.test(request.headers['accept-language'] ?? '');
}

function bodyFor(request: FastifyRequest, code: ErrorCode, message: string | null, details?: ErrorDetail[]): ErrorBody {
  const text = message ?? (prefersEnglish(request) ? ERRORS[code].en : ERRORS[code].zh);
  return { error: { code, message: text, ...(details?.length ? { details } : {}) } };
}

/** Chinese wording for zod issues, which arrive in English. */
function describeIssue(
  issue: { code?: string; message: string; expected?: unknown; minimum?: unknown; maximum?: unknown },
  english: boolean,
): string {
  if (english) return issue.message;
  // A message written in the contract (in Chinese) says more than the generic wording below.
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.includes('received undefined') ? '必填' : `类型错误，应为 ${String(issue.expected)}`;
    case 'too_small':
      return `不能小于/短于 ${String(issue.minimum)}`;
    case 'too_big':
      return `不能大于/长于 ${String(issue.maximum)}`;
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return '取值不在允许范围内';
    case 'unrecognized_keys':
      return '包含不允许的字段';
    default:
      return issue.message;
  }
}

/** The 404 body for unknown routes (app.ts decides between it and the single-page app). */
export function notFoundBody(request: FastifyRequest): ErrorBody {
  return bodyFor(request, 'NOT_FOUND', prefersEnglish(request) ? 'No such endpoint' : '接口不存在');
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      const retryAfter = error.details?.find((d) => d.path === 'retryAfter');
      if (retryAfter) reply.header('retry-after', retryAfter.message);
      return reply
        .status(ERRORS[error.code].status)
        .send(bodyFor(request, error.code, error.explicitMessage ? error.message : null, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const english = prefersEnglish(request);
      const details = error.validation.map((v) => ({
        path:
          [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)]
            .filter((p) => p && p !== 'body')
            .join('.') || 'body',
        message: describeIssue({ ...(v.params as object), code: v.keyword, message: v.message ?? '' }, english),
      }));
      const summary = details.map((d) => `${d.path}: ${d.message}`).join('；');
      return reply
        .status(422)
        .send(
          bodyFor(
            request,
            'VALIDATION_FAILED',
            english ? `Invalid input: ${summary}` : `输入有误：${summary}`,
            details,
          ),
        );
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 413) return reply.status(413).send(bodyFor(request, 'PAYLOAD_TOO_LARGE', null));
    if (status === 429) return reply.status(429).send(bodyFor(request, 'AUTH_TOO_MANY_ATTEMPTS', null));
    if (status >= 400 && status < 500) return reply.status(400).send(bodyFor(request, 'BAD_REQUEST', null));
    request.log.error(error);
    return reply.status(500).send(bodyFor(request, 'INTERNAL', null));
  });
}
