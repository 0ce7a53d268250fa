import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { indicatorsQuery } from '../../../contracts/cases.ts';
import { indicatorsResponse } from '../../../contracts/cases-responses.ts';
import { fileDownload } from '../../../contracts/download.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { safeCell } from '../../platform/spreadsheet/safe-cell.ts';
import { invalid } from '../../platform/errors.ts';
import { assertCanReadAreaFigures, seesOwnDepartmentFigures } from './policy.ts';
import { loadNodeInScope } from '../org/load-node.ts';
import { caseIndicators } from './indicators.ts';

const COLUMNS: [string, string][] = [
  ['name', '名称'],
  ['reported', '上报数'],
  ['accepted', '立案数'],
  ['closed', '结案数'],
  ['onTimeAcceptRate', '按期受理率%'],
  ['onTimeHandleRate', '按期处置率%'],
  ['onTimeCloseRate', '按期结案率%'],
  ['reworkRate', '返工率%'],
  ['returnRate', '回退率%'],
  ['verifyPassRate', '核查通过率%'],
  ['satisfactionRate', '满意率%'],
  ['avgHandleHours', '平均处置时长(小时)'],
];

export function indicatorRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/cases/indicators',
      {
        config: { permission: 'cases.area-figures' },
        schema: {
          tags: ['cases'],
          summary: '案件指标（按网格/社区/街道/部门/类别与时段）',
          querystring: indicatorsQuery.extend({ format: z.enum(['json', 'csv', 'xlsx']).default('json') }),
          // format=json: the figures; csv/xlsx: the same table as a file (sent as is, not serialized).
          response: { 200: indicatorsResponse.or(fileDownload('案件指标 .csv/.xlsx')) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const q = request.query;
        if (q.from > q.to) throw invalid('to', '结束日期不能早于开始日期');
        const db = await deps.reads.forRequest(request);
        let filter;
        if (seesOwnDepartmentFigures(actor)) {
          // A department sees its own figures: the cases whistled to it.
          filter = { scopePath: null, departmentId: actor.departmentId ?? -1, from: q.from, to: q.to };
        } else {
          assertCanReadAreaFigures(actor);
          const node = await loadNodeInScope(db, actor, q.nodeId ?? actor.scopeNodeId);
          filter = { scopePath: node.path, from: q.from, to: q.to };
        }
        const result = await caseIndicators(db, filter, q.groupBy);
        if (q.format === 'json') return { data: result };
        const rows = [...result.rows, { ...result.totals, name: '合计' }] as Record<string, unknown>[];
        const filename = `case-indicators-${q.from}-${q.to}.${q.format}`;
        reply.header('content-disposition', `attachment; filename="${filename}"`);
        if (q.format === 'csv') {
          const csv = stringify(
            [COLUMNS.map(([, label]) => label), ...rows.map((r) => COLUMNS.map(([key]) => safeCell(r[key])))],
            { bom: true, record_delimiter: 'windows' },
          );
          return reply.type('text/csv; charset=utf-8').send(csv);
        }
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('案件指标');
        sheet.columns = COLUMNS.map(([key, header]) => ({ key, header, width: key === 'name' ? 24 : 14 }));
        for (const r of rows) sheet.addRow(Object.fromEntries(COLUMNS.map(([key]) => [key, safeCell(r[key] ?? null)])));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(Buffer.from(await book.xlsx.writeBuffer()));
      },
    );
  };
}
