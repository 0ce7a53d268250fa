import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { assertSchema } from './georeport-schemas.test-support.ts';
import { issueKey, parseXml, postRequest, type Form } from './test-support.ts';

let ctx: TestContext;
let secretary: Session;
let key: string;
const get = (url: string) => ctx.app.inject({ method: 'GET', url: `/open311/v2/${url}` });

beforeAll(async () => {
  ctx = await createTestApp();
  secretary = await loginAs(ctx.app, 'secretary');
  key = (
    await issueKey(ctx.app, secretary, {
      clientName: 'errors-app',
      communityId: ctx.seed.tree.streets[0]!.communities[0]!.id,
    })
  ).key;
});
afterAll(async () => {
  await ctx.close();
});

/** Checks status and body in the chosen format; returns the error descriptions. */
async function expectErrors(
  res: { statusCode: number; body: string; headers: Record<string, unknown>; json(): unknown },
  format: 'xml' | 'json',
  status: number,
) {
  expect(res.statusCode, res.body).toBe(status);
  if (format === 'json') {
    assertSchema('errors', res.json());
    return (res.json() as { code: number; description: string }[]).map((e) => e.description);
  }
  const errors = parseXml(res).errors.error as { code: string; description: string }[];
  expect(errors.length).toBeGreaterThan(0);
  return errors.map((e) => e.description);
}

const valid = (): Form => ({
  api_key: key,
  service_code: '0101',
  address_string: '路南社区 1幢',
  description: '门口垃圾',
});

describe.each(['xml', 'json'] as const)('GeoReport errors (%s)', (format) => {
  it.each([
    ['a missing api_key', { api_key: '' }, /缺少 api_key/],
    ['an unknown api_key', { api_key: 'not-a-key' }, /api_key 无效/],
  ])('answers 403 for %s', async (_label, change, message) => {
    const [description] = await expectErrors(
      await postRequest(ctx.app, format, { ...valid(), ...change }),
      format,
      403,
    );
    expect(description).toMatch(message);
  });

  it('answers 403 for a revoked key', async () => {
    const issued = await issueKey(ctx.app, secretary, {
      clientName: `revoked-${format}`,
      communityId: ctx.seed.tree.streets[0]!.communities[0]!.id,
    });
    const revoke = await ctx.app.inject({
      method: 'POST',
      url: `/api/open311/keys/${issued.data.id}/revoke`,
      headers: secretary.headers,
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    const [description] = await expectErrors(
      await postRequest(ctx.app, format, { ...valid(), api_key: issued.key }),
      format,
      403,
    );
    expect(description).toMatch(/吊销/);
  });

  it.each([
    ['an unknown service definition', 'services/9999'],
    ['an unknown service request', 'requests/987654321'],
    ['a malformed service request id', 'requests/abc'],
    ['an unknown token', 'tokens/00000000-0000-0000-0000-000000000000'],
    ['another jurisdiction', 'services?jurisdiction_id=sfgov.org'],
    ['an unknown resource', 'nothing-here'],
  ])('answers 404 for %s', async (_label, path) => {
    const [url, query] = path.split('?');
    await expectErrors(await get(`${url}.${format}${query ? `?${query}` : ''}`), format, 404);
  });

  it('answers 404 when POSTing an unknown service or to another jurisdiction', async () => {
    await expectErrors(await postRequest(ctx.app, format, { ...valid(), service_code: '9999' }), format, 404);
    await expectErrors(await postRequest(ctx.app, format, { ...valid(), jurisdiction_id: 'sfgov.org' }), format, 404);
  });

  it('answers 400 without a service_code', async () => {
    const [description] = await expectErrors(
      await postRequest(ctx.app, format, { ...valid(), service_code: '' }),
      format,
      400,
    );
    expect(description).toMatch(/service_code/);
  });

  it('reports every wrong field of a request at once', async () => {
    const res = await postRequest(ctx.app, format, {
      api_key: key,
      service_code: '1101',
      email: 'not-an-email',
      phone: 'call me',
      media_url: 'ftp://x',
      description: '噪'.repeat(4001),
      'attribute[SOURCES][]': ['renovation', 'dragons'],
    });
    const descriptions = await expectErrors(res, format, 400);
    expect(descriptions).toHaveLength(7);
    for (const field of ['缺少位置', 'description', 'phone', 'email', 'media_url', 'OCCURRED_AT', 'SOURCES']) {
      expect(
        descriptions.some((d) => d.includes(field)),
        field,
      ).toBe(true);
    }
  });

  it.each([
    ['lat without long', { lat: '31.3' }, /同时提供/],
    ['a position outside every grid', { lat: '39.9', long: '116.4', address_string: '' }, /不在本辖区/],
    ['an unknown address_id', { address_id: '999', address_string: '' }, /address_id/],
    ['a bad singlevaluelist answer', { service_code: '0601', 'attribute[COVER_TYPE]': 'gold' }, /COVER_TYPE/],
    ['a bad number', { service_code: '0601', 'attribute[COVER_TYPE]': 'rain', 'attribute[COUNT]': 'many' }, /COUNT/],
  ])('answers 400 for %s', async (_label, change, message) => {
    const descriptions = await expectErrors(await postRequest(ctx.app, format, { ...valid(), ...change }), format, 400);
    expect(descriptions.join('\n')).toMatch(message);
  });

  it.each([
    ['a malformed start_date', 'start_date=2020-01-01', /start_date/],
    ['a date without zone', 'end_date=2020-01-01T00:00:00', /end_date/],
    ['a window over 90 days', 'start_date=2020-01-01T00:00:00Z&end_date=2020-06-01T00:00:00Z', /90/],
    ['an end before the start', 'start_date=2020-02-01T00:00:00Z&end_date=2020-01-01T00:00:00Z', /早于/],
    ['an unknown status', 'status=pending', /status/],
    ['a bad page_size', 'page_size=5000', /page_size/],
  ])('answers 400 on GET /requests for %s', async (_label, query, message) => {
    const descriptions = await expectErrors(await get(`requests.${format}?${query}`), format, 400);
    expect(descriptions.join('\n')).toMatch(message);
  });

  it('answers 400 for bad dates on servicerequestupdates', async () => {
    await expectErrors(await get(`servicerequestupdates.${format}?start_date=yesterday`), format, 400);
  });
});

describe('rate limit', () => {
  it("refuses calls beyond the key's budget for the minute with 429", async () => {
    const limited = await issueKey(ctx.app, secretary, {
      clientName: 'tiny-budget',
      communityId: ctx.seed.tree.streets[0]!.communities[0]!.id,
      ratePerMinute: 2,
    });
    const call = () => postRequest(ctx.app, 'json', { api_key: limited.key });
    expect((await call()).statusCode).toBe(400);
    expect((await call()).statusCode).toBe(400);
    const third = await call();
    expect(third.statusCode).toBe(429);
    assertSchema('errors', third.json());
  });

  it('answers 400 for an unsupported format', async () => {
    const res = await get('services.html');
    expect(res.statusCode).toBe(400);
    expect(parseXml(res).errors.error[0].description).toMatch(/\.xml 或 \.json/);
  });
});
