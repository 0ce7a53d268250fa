/**
 * The GeoReport v2 routes in the OpenAPI document (/api/docs). They answer XML or JSON by the
 * path's extension and keep the spec's own 400/403/404 error bodies, so they are not validated by
 * zod schemas; this is documentation only, attached per route through `config.swaggerTransform`
 * (@fastify/swagger uses it instead of the app's zod transform, and nothing else reads it).
 */
import type { FastifySchema } from 'fastify';

type JsonSchema = Record<string, unknown>;

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const format = str('响应格式：xml 或 json', { enum: ['xml', 'json'] });
const jurisdiction = { jurisdiction_id: str('辖区代码（默认 320508）') };
const errorBody = {
  type: 'array',
  items: { type: 'object', properties: { code: { type: 'integer' }, description: { type: 'string' } } },
};
const request = {
  type: 'object',
  properties: {
    service_request_id: str('诉求编号（字符串）'),
    status: str('open 或 closed', { enum: ['open', 'closed'] }),
    status_notes: str('办理说明'),
    service_name: str('服务类型名称'),
    service_code: str('服务类型代码（案件二级类别）'),
    description: str('描述（手机号、身份证号已打码）'),
    agency_responsible: str('责任单位'),
    service_notice: str('服务说明'),
    requested_datetime: str('上报时间（W3C）'),
    updated_datetime: str('更新时间（W3C）'),
    expected_datetime: str('处置时限（W3C）'),
    address: str('地址'),
    lat: { type: 'number' },
    long: { type: 'number' },
    media_url: str('照片地址'),
  },
};

function doc(
  summary: string,
  description: string,
  extra: { querystring?: JsonSchema; params?: JsonSchema; body?: JsonSchema; ok: JsonSchema; okStatus?: number },
): JsonSchema {
  return {
    tags: ['open311'],
    summary,
    description,
    params: {
      type: 'object',
      properties: { format, ...(extra.params ?? {}) },
      required: ['format', ...Object.keys(extra.params ?? {})],
    },
    querystring: { type: 'object', properties: { ...jurisdiction, ...(extra.querystring ?? {}) } },
    ...(extra.body ? { body: extra.body, consumes: ['application/x-www-form-urlencoded'] } : {}),
    produces: ['application/json', 'text/xml'],
    response: {
      [extra.okStatus ?? 200]: { description: '成功（.json 为 JSON，.xml 为 XML）', ...extra.ok },
      400: { description: '请求无效', ...errorBody },
      404: { description: '不存在', ...errorBody },
    },
  };
}

const window = {
  start_date: str('起始时间（W3C，含时区）'),
  end_date: str('结束时间（W3C，含时区；跨度不超过 90 天）'),
  page: { type: 'integer', minimum: 1, description: '页码' },
  page_size: { type: 'integer', minimum: 1, maximum: 1000, description: '每页条数（默认 1000）' },
};

/** Keyed by the route's URL as registered under the /open311/v2 prefix. */
export const OPEN311_DOCS: Record<string, JsonSchema> = {
  'GET /discovery.:format': doc('Open311 服务发现', '接口地址、规范版本与支持的格式。', { ok: { type: 'object' } }),
  'GET /services.:format': doc(
    'Open311 服务类型列表',
    '服务类型 = 案件二级类别（service_code 为类别代码，group 为一级类别）。',
    { ok: { type: 'array', items: { type: 'object' } } },
  ),
  'GET /services/:code.:format': doc('Open311 服务定义', '该服务类型需补充填写的属性（如井盖类型、噪音来源）。', {
    params: { code: str('服务类型代码') },
    ok: { type: 'object' },
  }),
  'POST /requests.:format': doc(
    'Open311 上报诉求',
    '表单编码，需 api_key；生成来源为 open311 的案件，响应头 X-Open311-Token 给出令牌。按密钥每分钟限流。',
    {
      okStatus: 201,
      body: {
        type: 'object',
        required: ['api_key', 'service_code'],
        properties: {
          api_key: str('接入密钥'),
          service_code: str('服务类型代码'),
          lat: { type: 'number' },
          long: { type: 'number' },
          address_string: str('地址'),
          description: str('描述'),
          email: str('反映人邮箱'),
          first_name: str('名'),
          last_name: str('姓'),
          phone: str('反映人电话'),
          media_url: str('照片地址'),
          'attribute[code]': str('服务定义中的补充属性'),
        },
      },
      ok: {
        type: 'array',
        items: {
          type: 'object',
          properties: { service_request_id: str('诉求编号'), service_notice: str('服务说明'), account_id: str('账号') },
        },
      },
    },
  ),
  'GET /tokens/:token.:format': doc('Open311 由令牌查询诉求编号', '', {
    params: { token: str('上报时返回的令牌') },
    ok: { type: 'array', items: { type: 'object' } },
  }),
  'GET /requests.:format': doc('Open311 诉求列表', 'service_request_id 优先于其他条件；不返回反映人个人信息。', {
    querystring: {
      service_request_id: str('诉求编号，逗号分隔'),
      service_code: str('服务类型代码，逗号分隔'),
      status: str('open / closed，逗号分隔'),
      ...window,
    },
    ok: { type: 'array', items: request },
  }),
  'GET /requests/:id.:format': doc('Open311 单个诉求', '状态、办理说明、责任单位、处置时限。', {
    params: { id: str('诉求编号') },
    ok: { type: 'array', items: request },
  }),
  'GET /servicerequestupdates.:format': doc('Open311 诉求状态更新', '每次状态变化一条更新。', {
    querystring: window,
    ok: { type: 'array', items: { type: 'object' } },
  }),
};

/** The route option that puts one GeoReport route into /api/docs. */
export function open311Doc(key: keyof typeof OPEN311_DOCS) {
  const schema = OPEN311_DOCS[key];
  if (!schema) throw new Error(`Open311 route without documentation: ${key}`);
  return ({ url }: { url: string }) => ({ schema: schema as FastifySchema, url });
}
