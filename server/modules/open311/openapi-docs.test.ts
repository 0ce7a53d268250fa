import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

describe('the OpenAPI document (/api/docs)', () => {
  it('lists every Open311 GeoReport v2 route with its format, parameters and form fields', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            tags?: string[];
            summary?: string;
            parameters?: { name: string; in: string }[];
            requestBody?: { content: Record<string, unknown> };
          }
        >
      >;
    };
    const open311 = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/open311/v2/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(open311).toEqual([
      'GET /open311/v2/discovery.{format}',
      'GET /open311/v2/requests.{format}',
      'GET /open311/v2/requests/{id}.{format}',
      'GET /open311/v2/servicerequestupdates.{format}',
      'GET /open311/v2/services.{format}',
      'GET /open311/v2/services/{code}.{format}',
      'GET /open311/v2/tokens/{token}.{format}',
      'POST /open311/v2/requests.{format}',
    ]);
    const list = doc.paths['/open311/v2/requests.{format}']!;
    expect(list.get!.tags).toEqual(['open311']);
    expect(list.get!.parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['path:format', 'query:status', 'query:start_date', 'query:service_request_id']),
    );
    expect(Object.keys(list.post!.requestBody!.content)).toContain('application/x-www-form-urlencoded');
    // The API's own routes are still there.
    expect(doc.paths['/api/me']).toBeDefined();
  });

  it("documents without validating: a GeoReport error is still the spec's own 400 body", async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/open311/v2/requests.json?status=pending' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: expect.stringContaining('status') }]);
  });
});
