import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hotlineImportResultSchema } from '../../../contracts/hotline-import.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { assertCanImportCases } from './policy.ts';
import { importHotline } from './commands/import-hotline.ts';
import { decimal, decimalNumber } from '../../../contracts/query.ts';

/** 50,000 rows of a 12345 export with long descriptions stay well below this. */
const MAX_HOTLINE_FILE_BYTES = 64 * 1024 * 1024;

/** POST /api/cases/import: a 12345 hotline export (CSV/Excel) becomes cases, with a row-by-row report. */
export function importRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/cases/import',
      {
        config: { permission: 'cases.import' },
        schema: {
          tags: ['cases'],
          summary: '导入热线工单（CSV/Excel，逐行报告，重复导入跳过）',
          querystring: z.object({ communityId: decimal(decimalNumber().int().positive()).optional() }),
          response: { 200: hotlineImportResultSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCanImportCases(actor);
        const file = await request
          .file({ limits: { fileSize: MAX_HOTLINE_FILE_BYTES, files: 1 } })
          .catch(() => undefined);
        if (!file) throw invalid('file', '请选择热线工单文件');
        const format = /\.xlsx$/i.test(file.filename) ? 'xlsx' : /\.csv$/i.test(file.filename) ? 'csv' : null;
        if (!format) throw invalid('file', '仅支持 .xlsx 或 .csv 文件');
        // Read from memory, never written to any instance's disk: it holds callers' names and numbers.
        const bytes = await file.toBuffer().catch(() => {
          throw new AppError('PAYLOAD_TOO_LARGE', {
            message: `热线工单文件不能超过 ${MAX_HOTLINE_FILE_BYTES / 1024 / 1024} MB`,
          });
        });
        const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
        return {
          data: await importHotline(
            deps,
            actor,
            { source: Readable.from([bytes]), format, name: file.filename, sha256 },
            request.query.communityId,
          ),
        };
      },
    );
  };
}
