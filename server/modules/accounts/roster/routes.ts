import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { rosterResultSchema } from '../../../../contracts/account-admin.ts';
import { fileDownload } from '../../../../contracts/download.ts';
import type { AppDeps } from '../../../app-deps.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { underPath } from '../../../platform/scope.ts';
import { readRows } from '../../../platform/spreadsheet/read-rows.ts';
import { orgNodes } from '../../org/schema.ts';
import { createPiiCodec } from '../../people/index.ts';
import { assertCanAdminister, grantableRoles } from '../policy.ts';
import { applyRoster } from './apply-roster.ts';
import { checkRosterLines } from './check-rows.ts';
import { headerIndex, parseRosterLine, type RosterLine } from './parse-row.ts';
import { passwordSheet, rosterTemplate } from './template.ts';

const MAX_ROSTER_BYTES = 5 * 1024 * 1024;
const MAX_ROSTER_ROWS = 2000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 花名册导入: template, all-or-nothing import with a row-by-row report, one-time password sheet. */
export function rosterRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, config } = deps;
  const codec = createPiiCodec(config.dataKey);
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_ROSTER_BYTES, files: 1, fields: 2 } });
    const tags = ['accounts'];
    const administrator = (request: Parameters<typeof requireActor>[0]) => assertCanAdminister(requireActor(request));

    app.get(
      '/api/accounts/roster-template',
      {
        config: { permission: 'accounts.administer' },
        schema: { tags, summary: '下载花名册模板（.xlsx）', response: { 200: fileDownload('花名册模板 .xlsx') } },
      },
      async (request, reply) => {
        const actor = administrator(request);
        const [grid] = await db
          .select({ code: orgNodes.code })
          .from(orgNodes)
          .where(and(eq(orgNodes.level, 'grid'), underPath(orgNodes.path, actor.scopePath!)))
          .orderBy(asc(orgNodes.code))
          .limit(1);
        const body = await rosterTemplate(grantableRoles(actor), { gridCode: grid?.code ?? null });
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('花名册模板.xlsx')}`)
          .send(body);
      },
    );

    app.post(
      '/api/accounts/roster',
      {
        config: { permission: 'accounts.administer' },
        schema: {
          tags,
          summary: '导入花名册（任一行有误则整表不导入，返回逐行报告）',
          response: { 200: rosterResultSchema },
        },
      },
      async (request) => {
        const actor = administrator(request);
        const file = await request.file().catch(() => undefined);
        if (!file) throw invalid('file', '请选择花名册文件');
        const format = /\.xlsx$/i.test(file.filename) ? 'xlsx' : /\.csv$/i.test(file.filename) ? 'csv' : null;
        if (!format) throw invalid('file', '仅支持 .xlsx 或 .csv 文件');
        // Read from memory, never written to disk: the sheet holds identity numbers.
        const bytes = await file.toBuffer();
        const lines: RosterLine[] = [];
        const issues = [];
        try {
          let index: Map<string, number> | null = null;
          for await (const row of readRows(Readable.from([bytes]), format)) {
            if (!index) {
              const header = headerIndex(row.cells);
              index = header.index;
              issues.push(...header.issues);
              if (header.issues.length) break;
              continue;
            }
            if (lines.length >= MAX_ROSTER_ROWS)
              throw invalid('file', `一次最多导入 ${MAX_ROSTER_ROWS} 行，请分批导入`);
            const parsed = parseRosterLine(row.rowNo, row.cells, index);
            lines.push(parsed.line);
            issues.push(...parsed.issues);
          }
        } catch (e) {
          if (e instanceof AppError) throw e;
          throw invalid('file', '无法读取文件，请确认是花名册模板格式的 .xlsx 或 .csv');
        }
        if (!issues.length && !lines.length) throw invalid('file', '文件中没有数据行');
        const badRows = new Set(issues.map((i) => i.rowNo));
        const { checked, issues: more } = await checkRosterLines(
          db,
          actor,
          lines.filter((l) => !badRows.has(l.rowNo)),
        );
        issues.push(...more);
        if (issues.length) {
          issues.sort((a, b) => a.rowNo - b.rowNo);
          throw new AppError('VALIDATION_FAILED', {
            message: `花名册有 ${new Set(issues.map((i) => i.rowNo)).size} 行有误，整表未导入`,
            // path "<row>.<column>": the web page shows these as a row-by-row report.
            details: issues.map((i) => ({ path: `${i.rowNo}.${i.column}`, message: i.message })),
          });
        }
        return { data: await applyRoster(db, actor, codec, checked, request.ip) };
      },
    );

    const sheetBody = z.object({
      rows: z
        .array(
          z.object({ username: z.string().max(64), displayName: z.string().max(60), password: z.string().max(64) }),
        )
        .min(1)
        .max(MAX_ROSTER_ROWS),
    });
    app.post(
      '/api/accounts/roster/passwords.xlsx',
      {
        config: { permission: 'accounts.administer' },
        schema: {
          tags,
          summary: '将刚生成的一次性密码生成 .xlsx 供下载（不保存）',
          body: sheetBody,
          response: { 200: fileDownload('一次性密码 .xlsx') },
        },
      },
      async (request, reply) => {
        administrator(request);
        const body = await passwordSheet(request.body.rows);
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('一次性密码.xlsx')}`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  };
}
