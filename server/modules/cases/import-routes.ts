import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { invalid } from '../../platform/errors.ts';
import { assertCanImportCases } from './policy.ts';
import { importHotline } from './commands/import-hotline.ts';

/** POST /api/cases/import: a 12345 hotline export (CSV/Excel) becomes cases, with a row-by-row report. */
export function importRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/cases/import', { config: { permission: 'cases.import' }, schema: { tags: ['cases'], summary: '导入热线工单（CSV/Excel，逐行报告，重复导入跳过）', querystring: z.object({ communityId: z.coerce.number().int().positive().optional() }) } }, async (request) => {
      const actor = requireActor(request);
      assertCanImportCases(actor);
      const file = await request.file().catch(() => undefined);
      if (!file) throw invalid('file', '请选择热线工单文件');
      const format = /\.xlsx$/i.test(file.filename) ? 'xlsx' : /\.csv$/i.test(file.filename) ? 'csv' : null;
      if (!format) throw invalid('file', '仅支持 .xlsx 或 .csv 文件');
      // Kept on disk only while it is read: it holds callers' names and numbers.
      const dir = path.join(deps.config.dataDir, 'uploads', 'tmp');
      await fs.mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `hotline-${crypto.randomUUID()}.${format}`);
      try {
        await fs.writeFile(tmp, await file.toBuffer());
        return { data: await importHotline(deps, actor, tmp, format, request.query.communityId) };
      } finally {
        await fs.rm(tmp, { force: true });
      }
    });
  };
}
