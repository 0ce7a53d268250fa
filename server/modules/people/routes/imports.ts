import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { idParams } from '../../../../contracts/org.ts';
import { exportQuery, IMPORT_KINDS, importStartBody, type ImportKind } from '../../../../contracts/people.ts';
import { fileDownload } from '../../../../contracts/download.ts';
import { importListResponse, importResponse } from '../../../../contracts/people-responses.ts';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { enqueueJob } from '../../../platform/jobs/queue.ts';
import { jobs } from '../../../platform/jobs/schema.ts';
import { errorReportColumns, type ErrorReportRow } from '../export/columns.ts';
import { attachmentHeader, CONTENT_TYPES, tableStream } from '../export/table-stream.ts';
import { KINDS } from '../import/kinds/index.ts';
import { mappingProblems, rememberMapping, suggestMapping } from '../import/mapping.ts';
import { IMPORT_JOB } from '../import/run-import.ts';
import { importFileKey, UPLOAD_MIME } from '../import/stored-file.ts';
import { fileStore } from '../../../platform/files/index.ts';
import { readHeaders } from '../../../platform/spreadsheet/read-rows.ts';
import { authorizePeople, peopleScopeWhere } from '../policy.ts';
import { importErrors, imports } from '../schema.ts';
import type { Db } from '../../../platform/db/open.ts';

async function loadImport(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), peopleScopeWhere(actor, imports.scopePath)));
  if (!row) throw new AppError('NOT_FOUND');
  authorizePeople(actor, 'import', row);
  return row;
}

function publicImport(
  row: typeof imports.$inferSelect,
  job?: { progress: Record<string, unknown> | null; lastError: string | null } | null,
) {
  const { storedPath: _stored, actor: _actor, ...rest } = row;
  return {
    ...rest,
    fields: KINDS[row.kind as ImportKind].fields.map(({ field, label, required }) => ({
      field,
      label,
      required: Boolean(required),
    })),
    progress: job?.progress ?? null,
    lastError: job?.lastError ?? null,
  };
}

async function* errorBatches(db: Db, importId: number): AsyncGenerator<ErrorReportRow[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(importErrors)
      .where(and(eq(importErrors.importId, importId), gt(importErrors.rowNo, after)))
      .orderBy(asc(importErrors.rowNo), asc(importErrors.columnName))
      .limit(5000);
    if (!rows.length) return;
    // Keep a row's cells together: stop before a row that may continue in the next page.
    const last = rows[rows.length - 1]!.rowNo;
    const page = rows.length === 5000 ? rows.filter((r) => r.rowNo < last) : rows;
    yield page.length ? page : rows;
    after = page.length ? page[page.length - 1]!.rowNo : last;
  }
}

export function importRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const tags = ['people'];
  const files = fileStore(deps);
  return async (app) => {
    app.post(
      '/api/people/imports',
      {
        schema: {
          tags,
          summary: '上传导入文件（.xlsx/.csv），返回表头与建议映射',
          querystring: z.object({ kind: z.enum(IMPORT_KINDS) }),
          response: { 201: importResponse },
        },
        config: { permission: 'people.import' },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorizePeople(actor, 'import', null);
        const file = await request.file();
        if (!file) throw invalid('file', '请选择文件');
        const format = /\.xlsx$/i.test(file.filename) ? 'xlsx' : /\.csv$/i.test(file.filename) ? 'csv' : null;
        if (!format) {
          file.file.resume();
          throw invalid('file', '只支持 .xlsx 或 .csv 文件');
        }
        // Into the shared store, not this instance's disk: the job may be claimed by a worker on any instance.
        const storedPath = importFileKey(randomUUID(), format);
        await files.put(storedPath, file.file, { mime: UPLOAD_MIME[format], createdBy: actor.userId });
        if (file.file.truncated) {
          await files.delete(storedPath);
          throw new AppError('PAYLOAD_TOO_LARGE');
        }
        const headers = await readHeaders((await files.open(storedPath)).stream, format).catch(() => null);
        if (!headers?.length) {
          await files.delete(storedPath);
          throw invalid('file', '无法读取表头（第1行）');
        }
        const kind = request.query.kind;
        const mapping = await suggestMapping(db, kind, headers, KINDS[kind].fields);
        const row = await withTx(db, async (tx) => {
          const [created] = await tx
            .insert(imports)
            .values({
              kind,
              fileName: file.filename,
              storedPath,
              format,
              headers,
              mapping,
              createdBy: actor.userId,
              actor,
              scopePath: actor.scopePath!,
            })
            .returning();
          await recordAudit(tx, actor, {
            action: 'people.import.upload',
            targetType: 'people_import',
            targetId: created!.id,
            scopePath: actor.scopePath,
            summary: { kind, fileName: file.filename },
          });
          return created!;
        });
        return reply.status(201).send({ data: publicImport(row) });
      },
    );

    app.post(
      '/api/people/imports/:id/start',
      {
        config: { permission: 'people.import' },
        schema: {
          tags,
          summary: '确认列映射并开始后台导入',
          params: idParams,
          body: importStartBody,
          response: { 200: importResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const row = await loadImport(db, actor, request.params.id);
        if (row.state !== 'uploaded') throw new AppError('CASE_INVALID_TRANSITION', { message: '该导入已开始' });
        const problems = mappingProblems(request.body.mapping, row.headers, KINDS[row.kind as ImportKind].fields);
        if (problems.length)
          throw new AppError('VALIDATION_FAILED', {
            message: problems.map((p) => p.message).join('；'),
            details: problems,
          });
        const started = await withTx(db, async (tx) => {
          await rememberMapping(tx, row.kind as ImportKind, request.body.mapping);
          const jobId = await enqueueJob(tx, IMPORT_JOB, { importId: row.id }, { createdBy: actor.userId });
          const [updated] = await tx
            .update(imports)
            .set({ mapping: request.body.mapping, state: 'queued', jobId })
            .where(eq(imports.id, row.id))
            .returning();
          return updated!;
        });
        return { data: publicImport(started) };
      },
    );

    app.get(
      '/api/people/imports',
      {
        config: { permission: 'people.import' },
        schema: { tags, summary: '最近的导入', response: { 200: importListResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizePeople(actor, 'import', null);
        const rows = await db
          .select()
          .from(imports)
          .where(peopleScopeWhere(actor, imports.scopePath))
          .orderBy(desc(imports.id))
          .limit(20);
        return { data: rows.map((r) => publicImport(r)) };
      },
    );

    app.get(
      '/api/people/imports/:id',
      {
        config: { permission: 'people.import' },
        schema: { tags, summary: '导入进度与结果', params: idParams, response: { 200: importResponse } },
      },
      async (request) => {
        const row = await loadImport(db, requireActor(request), request.params.id);
        const [job] = row.jobId
          ? await db
              .select({ progress: jobs.progress, lastError: jobs.lastError })
              .from(jobs)
              .where(eq(jobs.id, row.jobId))
          : [];
        return { data: publicImport(row, job) };
      },
    );

    app.get(
      '/api/people/imports/:id/errors',
      {
        config: { permission: 'people.import' },
        schema: {
          tags,
          summary: '下载错误报告（行、列、值、原因）',
          params: idParams,
          querystring: exportQuery,
          response: { 200: fileDownload('导入错误报告 .xlsx/.csv（流式）') },
        },
      },
      async (request, reply) => {
        const row = await loadImport(db, requireActor(request), request.params.id);
        const format = request.query.format;
        reply
          .header('content-type', CONTENT_TYPES[format])
          .header('content-disposition', attachmentHeader(`导入错误报告-${row.id}.${format}`));
        return reply.send(tableStream(format, '错误报告', errorReportColumns, errorBatches(db, row.id)));
      },
    );
  };
}
