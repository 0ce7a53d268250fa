import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { STATE_LABELS_ZH } from '../../../contracts/case-labels.ts';
import { AppError } from '../../platform/errors.ts';
import { submitRequest } from './commands/submit-request.ts';
import { badRequest, notFound, Open311Error, send, sendError, w3cDate, type Format } from './format.ts';
import { parseForm } from './form.ts';
import { authenticateKey, consumeRate } from './keys.ts';
import { requestFilter, updatesFilter } from './params.ts';
import { presentRequest } from './present.ts';
import { findRequests, findToken, findUpdates, type RequestFilter } from './queries.ts';
import { findService, listServices, presentDefinition, presentServices, serviceNotice } from './services.ts';
import { OPEN311_STATUS } from './status.ts';
import { validateRequest } from './validate-request.ts';
import { open311Doc } from './openapi-docs.ts';

type Query = Record<string, string | string[] | undefined>;
type Params = { format: string; code?: string; id?: string; token?: string };

/** Last change to the endpoint list or the service definitions (discovery changeset, a W3C date-time). */
const CHANGESET = '2026-03-01T00:00:00+08:00';

function formatOf(request: FastifyRequest): Format {
  const format = (request.params as Params).format;
  if (format !== 'xml' && format !== 'json') throw badRequest(`不支持的格式 .${format}：请使用 .xml 或 .json`);
  return format;
}

/**
 * GeoReport v2 under /open311/v2 (registered with that prefix). Public, without session or
 * CSRF: reading needs nothing, POST needs an api_key. Answers and errors follow the spec in XML
 * or JSON, chosen by the path's extension.
 */
export function georeportRoutes(deps: AppDeps) {
  // Empty disables the check; any other value must match a jurisdiction_id the client sends.
  const jurisdiction = process.env.OPEN311_JURISDICTION ?? '320508';
  const checkJurisdiction = (given: string | string[] | undefined) => {
    const value = Array.isArray(given) ? given.at(-1) : given;
    if (jurisdiction && value && value !== jurisdiction)
      throw notFound(`jurisdiction_id ${value} 不存在（jurisdiction_id not found）`);
  };
  const noticeCache = async () => {
    const services = await listServices(deps.db);
    return new Map(await Promise.all(services.map(async (s) => [s.code, await serviceNotice(deps.db, s)] as const)));
  };
  const requestsFor = async (filter: RequestFilter) => {
    const [rows, notices] = await Promise.all([findRequests(deps.db, filter), noticeCache()]);
    return rows.map((r) => presentRequest(r, r.serviceCode ? (notices.get(r.serviceCode) ?? null) : null));
  };

  return async (app: FastifyInstance) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const format: Format = (request.params as Partial<Params>)?.format === 'json' ? 'json' : 'xml';
      if (error instanceof Open311Error) return sendError(reply, format, error);
      if (error instanceof AppError && error.code !== 'INTERNAL')
        return sendError(reply, format, badRequest(error.message));
      if (error.statusCode && error.statusCode < 500)
        return sendError(reply, format, badRequest('请求无效：请检查地址与参数（The URL request is invalid）'));
      request.log.error(error);
      return sendError(
        reply,
        format,
        new Open311Error(400, [
          { code: 500, description: '服务暂时无法处理该请求，请稍后重试（General service error）' },
        ]),
      );
    });
    app.setNotFoundHandler((request, reply) =>
      sendError(reply, request.url.includes('.json') ? 'json' : 'xml', notFound('接口不存在（No such resource）')),
    );
    // Public; swaggerTransform puts the route's documentation (not a validating schema) into /api/docs.
    const config = (key: string) => ({ public: true, swaggerTransform: open311Doc(key) });
    const get = (
      url: string,
      handler: (request: FastifyRequest, reply: FastifyReply, format: Format) => Promise<unknown>,
    ) =>
      app.get(url, { config: config(`GET ${url}`) }, async (request, reply) => {
        const format = formatOf(request);
        checkJurisdiction((request.query as Query).jurisdiction_id);
        return handler(request, reply, format);
      });

    get('/discovery.:format', async (request, reply, format) => {
      const url = `${request.protocol}://${request.host}/open311/v2`;
      return send(reply, format, 'discovery', {
        changeset: CHANGESET,
        contact: '请联系所在街道或区级平台管理员（Contact your district platform administrator）',
        key_service:
          'API key 由管理员在蜂巢“Open311 接入”页面签发（API keys are issued by an administrator in GridHive）',
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url,
            changeset: CHANGESET,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      });
    });

    get('/services.:format', async (_request, reply, format) => {
      const services = await listServices(deps.db);
      return send(reply, format, 'services', await presentServices(deps.db, services));
    });

    get('/services/:code.:format', async (request, reply, format) => {
      const code = (request.params as Params).code!;
      const service = await findService(deps.db, code);
      if (!service) throw notFound(`服务类型 ${code} 不存在（service_code not found）`);
      return send(reply, format, 'service_definition', await presentDefinition(deps.db, service));
    });

    app.post('/requests.:format', { config: config('POST /requests.:format') }, async (request, reply) => {
      const format = formatOf(request);
      const form = parseForm(typeof request.body === 'string' ? request.body : '');
      checkJurisdiction(form.fields.jurisdiction_id);
      const key = await authenticateKey(deps.db, form.fields.api_key);
      await consumeRate(deps.db, key);
      const created = await submitRequest(deps, key, await validateRequest(deps, form));
      // Our services are realtime, so the body carries the id; clients built for batch servers
      // find the token (for GET /tokens/{token}) in this header.
      reply.header('x-open311-token', created.token);
      // Ids are strings in GeoReport; account_id is omitted rather than null when the client sent none.
      const response = {
        service_request_id: String(created.caseId),
        service_notice: created.notice,
        ...(created.accountId ? { account_id: created.accountId } : {}),
      };
      return send(reply, format, 'service_requests', [response], 201);
    });

    get('/tokens/:token.:format', async (request, reply, format) => {
      const token = (request.params as Params).token!;
      const row = await findToken(deps.db, token);
      if (!row) throw notFound(`token ${token} 不存在（token not found）`);
      return send(reply, format, 'service_requests', [
        { service_request_id: String(row.caseId), token: String(row.token) },
      ]);
    });

    get('/requests.:format', async (request, reply, format) => {
      return send(reply, format, 'service_requests', await requestsFor(requestFilter(request.query as Query)));
    });

    get('/requests/:id.:format', async (request, reply, format) => {
      const id = (request.params as Params).id!;
      const found = /^\d{1,15}$/.test(id) ? await requestsFor({ ids: [Number(id)], limit: 1, offset: 0 }) : [];
      if (!found.length) throw notFound(`服务请求 ${id} 不存在（service_request_id not found）`);
      return send(reply, format, 'service_requests', found);
    });

    get('/servicerequestupdates.:format', async (request, reply, format) => {
      const updates = await findUpdates(deps.db, updatesFilter(request.query as Query));
      return send(
        reply,
        format,
        'service_request_updates',
        updates.map((u) => ({
          update_id: String(u.id),
          service_request_id: String(u.caseId),
          status: OPEN311_STATUS[u.toState as keyof typeof OPEN311_STATUS],
          updated_datetime: w3cDate(u.at),
          description: u.note || `案件状态：${STATE_LABELS_ZH[u.toState as keyof typeof STATE_LABELS_ZH]}`,
          media_url: null,
        })),
      );
    });
  };
}
