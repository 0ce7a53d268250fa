import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { actOk, categoryId, pointInGrid } from '../cases/test-helpers.ts';
import { assertSchema } from './georeport-schemas.test-support.ts';
import { issueKey, parseXml, postRequest } from './test-support.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};
let key: string;
const community1 = () => ctx.seed.tree.streets[0]!.communities[0]!;
const get = (url: string) => ctx.app.inject({ method: 'GET', url: `/open311/v2/${url}` });

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['secretary', 'dept', 'gridworker']) s[u] = await loginAs(ctx.app, u);
  key = (await issueKey(ctx.app, s.secretary!, { clientName: 'hotline-12345', communityId: community1().id })).key;
});
afterAll(async () => {
  await ctx.close();
});

const PERSONAL = {
  first_name: '三',
  last_name: '张',
  phone: '13912345678',
  email: 'zhang.san@example.com',
  device_id: 'device-777',
  account_id: 'acct-42',
};

describe('GET discovery, services and service definitions', () => {
  it('describes the endpoint in both formats', async () => {
    const json = await get('discovery.json');
    expect(json.headers['content-type']).toBe('application/json');
    assertSchema('discovery', json.json());
    expect(json.json().changeset).toBe('2026-03-01T00:00:00+08:00');
    expect((await get('discovery.xml')).headers['content-type']).toBe('text/xml');
    const xml = parseXml(await get('discovery.xml')).discovery;
    expect(xml.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
    expect(xml.endpoints.endpoint[0].specification).toBe('http://wiki.open311.org/GeoReport_v2');
  });

  it('lists leaf categories as services, grouped by their parent, flagging those with attributes', async () => {
    const services = (await get('services.json')).json();
    assertSchema('services', services);
    expect(services.find((x: { service_code: string }) => x.service_code === '0601')).toMatchObject({
      service_name: '井盖破损或丢失',
      group: '公用设施',
      metadata: true,
      type: 'realtime',
    });
    expect(services.find((x: { service_code: string }) => x.service_code === '0101')).toMatchObject({
      metadata: false,
      group: '市容环境',
    });
    expect(services.map((x: { service_code: string }) => x.service_code)).not.toContain('01');
    const xml = parseXml(await get('services.xml')).services.service;
    expect(xml.map((x: { service_code: string }) => x.service_code)).toEqual(
      services.map((x: { service_code: string }) => x.service_code),
    );
  });

  it('gives the attributes of a service definition, with list values, in both formats', async () => {
    const def = (await get('services/1101.json')).json();
    assertSchema('serviceDefinition', def);
    expect(def.attributes.map((a: { code: string; datatype: string }) => [a.code, a.datatype])).toEqual([
      ['OCCURRED_AT', 'datetime'],
      ['SOURCES', 'multivaluelist'],
      ['DETAIL', 'text'],
    ]);
    const xml = parseXml(await get('services/0601.xml')).service_definition;
    expect(xml.service_code).toBe('0601');
    expect(xml.attributes.attribute[0]).toMatchObject({
      code: 'COVER_TYPE',
      datatype: 'singlevaluelist',
      required: 'true',
      order: '1',
    });
    expect(xml.attributes.attribute[0].values.value.map((v: { key: string }) => v.key)).toContain('sewer');
    assertSchema('serviceDefinition', (await get('services/0101.json')).json());
  });
});

describe('POST /requests', () => {
  it("registers a case with source open311, waiting for acceptance in the key's intake community", async () => {
    const res = await postRequest(ctx.app, 'json', {
      api_key: key,
      jurisdiction_id: '320508',
      service_code: '0601',
      address_string: '路南社区 3幢 东侧人行道',
      description: '井盖缺失，夜间很危险',
      'attribute[COVER_TYPE]': 'rain',
      'attribute[COUNT]': '2',
      media_url: 'https://example.com/p/1.jpg',
      ...PERSONAL,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    assertSchema('postResponse', body);
    expect(body[0].account_id).toBe('acct-42');
    expect(body[0].service_notice).toContain('3 个工作日');
    const id = body[0].service_request_id as string;
    expect(id).toMatch(/^\d+$/);
    const detail = (
      await ctx.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: s.secretary!.headers })
    ).json().data;
    expect(detail).toMatchObject({ source: 'open311', state: 'reported', community: { id: community1().id } });
    const { rows } = await ctx.pool.query(`select attributes, reporter_enc from open311_requests where case_id = $1`, [
      id,
    ]);
    expect(rows[0].attributes).toEqual({ COVER_TYPE: 'rain', COUNT: 2 });
    expect(rows[0].reporter_enc).not.toContain('zhang');

    const token = res.headers['x-open311-token'] as string;
    const byToken = (await get(`tokens/${token}.json`)).json();
    assertSchema('token', byToken);
    expect(byToken).toEqual([{ service_request_id: id, token }]);
    expect(parseXml(await get(`tokens/${token}.xml`)).service_requests.request[0].service_request_id).toBe(String(id));
  });

  it('leaves account_id out, not null, when the client sent none', async () => {
    const res = await postRequest(ctx.app, 'json', {
      api_key: key,
      service_code: '0101',
      address_string: '路南社区 2幢',
      description: '楼下垃圾满了',
    });
    expect(res.statusCode, res.body).toBe(201);
    assertSchema('postResponse', res.json());
    expect(res.json()[0]).not.toHaveProperty('account_id');
  });

  it('answers in XML and takes multivaluelist answers as attribute[code][]', async () => {
    const res = await postRequest(ctx.app, 'xml', {
      api_key: key,
      service_code: '1101',
      address_string: '路南社区 5幢',
      description: '楼上每晚装修',
      'attribute[OCCURRED_AT]': '2026-03-01T22:30:00+08:00',
      'attribute[SOURCES][]': ['renovation', 'music'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = Number(parseXml(res).service_requests.request[0].service_request_id);
    const { rows } = await ctx.pool.query(`select attributes from open311_requests where case_id = $1`, [id]);
    expect(rows[0].attributes.SOURCES).toEqual(['renovation', 'music']);
  });
});

describe('GET /requests and /requests/{id}', () => {
  it('lists requests with filters and never returns personal data', async () => {
    const all = await get('requests.json');
    assertSchema('requests', all.json());
    expect(all.json().length).toBeGreaterThanOrEqual(2);
    for (const url of ['requests.json', 'requests.xml', 'servicerequestupdates.json']) {
      const body = (await get(url)).body;
      for (const value of Object.values(PERSONAL)) expect(body, `${url} 泄露了 ${value}`).not.toContain(value);
    }
    const open = (await get('requests.json?status=open&service_code=0601,1101')).json();
    expect(
      open.every(
        (r: { status: string; service_code: string }) =>
          r.status === 'open' && ['0601', '1101'].includes(r.service_code),
      ),
    ).toBe(true);
    expect(
      (await get('requests.json?status=closed')).json().every((r: { status: string }) => r.status === 'closed'),
    ).toBe(true);
    const old = (
      await get('requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00%2B08:00')
    ).json();
    expect(old).toEqual([]);
    expect(
      parseXml(await get('requests.xml?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z'))
        .service_requests,
    ).toBe('');
  });

  it('lets a service_request_id list override every other filter', async () => {
    const ids = (await get('requests.json'))
      .json()
      .slice(0, 2)
      .map((r: { service_request_id: string }) => r.service_request_id);
    const got = (
      await get(
        `requests.json?service_request_id=${ids.join(',')}&status=closed&start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z`,
      )
    ).json();
    expect(got.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([...ids].sort());
  });

  it('pages with page and page_size', async () => {
    const first = (await get('requests.json?page_size=1')).json();
    const second = (await get('requests.json?page_size=1&page=2')).json();
    expect(first).toHaveLength(1);
    expect(second[0].service_request_id).not.toBe(first[0].service_request_id);
  });
});

describe('a round trip through our loop', () => {
  it('is reported over Open311, dispatched and closed by staff, and read back as closed with notes', async () => {
    const pin = await pointInGrid(ctx, community1().grids[0]!.id);
    const res = await postRequest(ctx.app, 'json', {
      api_key: key,
      service_code: '0101',
      lat: String(pin.lat),
      long: String(pin.lng),
      description: '垃圾堆在路口三天了',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json()[0].service_request_id as string;
    const caseId = Number(id);
    const reported = (await get(`requests/${id}.json`)).json();
    assertSchema('requests', reported);
    expect(reported[0]).toMatchObject({
      status: 'open',
      service_code: '0101',
      lat: pin.lat,
      long: pin.lng,
      agency_responsible: community1().name,
    });
    expect(reported[0].expected_datetime).toMatch(/\+08:00$/);

    await actOk(ctx.app, s.secretary!, caseId, 'accept', { categoryId: await categoryId(ctx, '暴露垃圾') });
    await actOk(ctx.app, s.secretary!, caseId, 'dispatch', {});
    expect((await get(`requests/${id}.json`)).json()[0].agency_responsible).toContain('城管中队');
    await actOk(ctx.app, s.dept!, caseId, 'sign');
    await actOk(ctx.app, s.dept!, caseId, 'handle', { feedback: '已清运，路口恢复整洁' });
    await actOk(ctx.app, s.gridworker!, caseId, 'verify', { note: '现场核查已清理' });
    await actOk(ctx.app, s.secretary!, caseId, 'close');

    const closed = (await get(`requests/${id}.json`)).json();
    assertSchema('requests', closed);
    expect(closed[0]).toMatchObject({ status: 'closed', status_notes: '现场核查已清理', expected_datetime: null });
    const xml = parseXml(await get(`requests/${id}.xml`)).service_requests.request[0];
    expect(xml).toMatchObject({ status: 'closed', status_notes: '现场核查已清理', service_request_id: String(id) });

    const updates = (await get('servicerequestupdates.json')).json();
    assertSchema('updates', updates);
    const mine = updates.filter((u: { service_request_id: string }) => u.service_request_id === id);
    expect(mine.map((u: { status: string }) => u.status)).toEqual([
      'open',
      'open',
      'open',
      'open',
      'open',
      'open',
      'closed',
    ]);
    expect(mine.at(-2).description).toBe('现场核查已清理');
    const xmlUpdates = parseXml(await get('servicerequestupdates.xml')).service_request_updates.request_update;
    expect(xmlUpdates.filter((u: { service_request_id: string }) => u.service_request_id === String(id))).toHaveLength(
      7,
    );
  });
});
