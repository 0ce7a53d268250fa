import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { componentListQuery, entityListQuery, exportQuery, houseListQuery } from '../../../../contracts/people.ts';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import { keysetBatches } from '../export/keyset.ts';
import {
  attachmentHeader,
  CONTENT_TYPES,
  exportFileName,
  tableStream,
  type ExportColumn,
} from '../export/table-stream.ts';
import { authorizePeople } from '../policy.ts';
import { fileDownload } from '../../../../contracts/download.ts';
import {
  componentColumns,
  componentWhere,
  entityColumns,
  entityWhere,
  houseColumns,
  houseWhere,
} from '../queries/basedata.ts';
import { components, entities, houses } from '../schema.ts';

type Row = Record<string, unknown>;
type FastifyZod = Parameters<FastifyPluginAsyncZod>[0];
const col = (header: string, key: string, width?: number): ExportColumn<Row> => ({
  header,
  width,
  value: (r) => r[key],
});

const HOUSE_COLUMNS = [
  col('地址', 'address', 40),
  col('用途', 'use', 8),
  col('面积（㎡）', 'areaM2', 10),
  col('产权人', 'ownerName', 10),
  col('在住人数', 'occupants', 10),
];
const ENTITY_COLUMNS = [
  col('统一社会信用代码', 'creditCode', 22),
  col('单位名称', 'name', 30),
  col('单位类型', 'type', 12),
  col('法定代表人', 'legalRep', 10),
  col('地址', 'address', 36),
  col('从业人数', 'employees', 10),
];
const COMPONENT_COLUMNS = [
  col('部件编码', 'componentCode', 20),
  col('部件名称', 'name', 14),
  col('经度', 'lng', 12),
  col('纬度', 'lat', 12),
  col('部件状态', 'state', 8),
  col('权属单位', 'ownerUnit', 20),
  col('养护单位', 'maintainerUnit', 20),
];

interface ExportSpec<Q extends z.ZodObject> {
  path: string;
  title: string;
  query: Q;
  table: PgTable;
  fields: Parameters<typeof keysetBatches>[2];
  columns: ExportColumn<Row>[];
  where(q: Db, actor: Actor, filters: Omit<z.infer<Q>, 'page' | 'pageSize'>): Promise<SQL>;
}

function registerExport<Q extends z.ZodObject>(app: FastifyZod, deps: AppDeps, e: ExportSpec<Q>): void {
  const querystring = e.query.omit({ page: true, pageSize: true }).extend(exportQuery.shape);
  app.get(
    `/api/people/${e.path}/export`,
    {
      config: { permission: 'people.export' },
      schema: {
        tags: ['people'],
        summary: `导出${e.title}（.xlsx/.csv）`,
        querystring,
        response: { 200: fileDownload(`${e.title} .xlsx/.csv（流式）`) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorizePeople(actor, 'export', null);
      const { format, ...filters } = request.query as { format: 'xlsx' | 'csv' } & Omit<
        z.infer<Q>,
        'page' | 'pageSize'
      >;
      // The rows are read on the replica (deps.reads); the audit row is written on the primary.
      const db = await deps.reads.forRequest(request);
      const where = await e.where(db, actor, filters as unknown as Omit<z.infer<Q>, 'page' | 'pageSize'>);
      await recordAudit(deps.db, actor, {
        action: 'people.export',
        targetType: e.path,
        targetId: null,
        scopePath: actor.scopePath,
        summary: { filters, format },
        ip: request.ip,
      });
      reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', attachmentHeader(exportFileName(e.title, format)));
      return reply.send(tableStream(format, e.title, e.columns, keysetBatches(db, e.table, e.fields, where)));
    },
  );
}

/** Streamed .xlsx/.csv exports of the house, entity and component lists (same filters as the lists). */
export function exportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerExport(app, deps, {
      path: 'houses',
      title: '房屋',
      query: houseListQuery,
      where: houseWhere,
      table: houses,
      fields: houseColumns,
      columns: HOUSE_COLUMNS,
    });
    registerExport(app, deps, {
      path: 'entities',
      title: '法人单位',
      query: entityListQuery,
      where: entityWhere,
      table: entities,
      fields: entityColumns,
      columns: ENTITY_COLUMNS,
    });
    registerExport(app, deps, {
      path: 'components',
      title: '城市部件',
      query: componentListQuery,
      where: componentWhere,
      table: components,
      fields: componentColumns,
      columns: COMPONENT_COLUMNS,
    });
  };
}
