import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { csvOf, houseCodesUnder, person, upload } from './testing/fixtures.ts';

let ctx: TestContext;
const ACCOUNTS = ['admin', 'street', 'secretary', 'staff', 'gridworker', 'leader', 'member', 'volunteer', 'resident', 'dept', 'property', 'counit'] as const;
const sessions = {} as Record<(typeof ACCOUNTS)[number], Session>;
/** A: a resident in the building of the demo building leader (grid 1, community 1, street 1). B: one in street 2. */
const t = { residentA: 0, residentB: 0, houseA: 0, houseB: 0, importA: 0, importB: 0 };

beforeAll(async () => {
  ctx = await createTestApp();
  for (const a of ACCOUNTS) sessions[a] = await loginAs(ctx.app, a);
  const grid1 = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
  const [hA] = await houseCodesUnder(ctx.db, `${grid1.path}`, 1);
  const [hB] = await houseCodesUnder(ctx.db, ctx.seed.tree.streets[1]!.path, 1);
  t.houseA = hA!.id; t.houseB = hB!.id;
  for (const [key, house, seq] of [['residentA', hA!, 1], ['residentB', hB!, 2]] as const) {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/people/residents', headers: sessions.admin.headers, payload: { name: `居民${seq}`, idNumber: person(seq), houseId: house.id, residenceType: '户籍', phone: '13912345678' } });
    t[key] = res.json().data.id;
  }
  const file = csvOf([['姓名', '身份证号', '房屋编码', '人口类型'], ['测试', person(3), hA!.code, '户籍']]);
  t.importA = (await upload(ctx.app, sessions.secretary, 'residents', 'a.csv', file)).json().data.id;
  t.importB = (await upload(ctx.app, sessions.admin, 'residents', 'b.csv', file)).json().data.id;
});
afterAll(async () => { await ctx.close(); });

type Call = { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: unknown; multipart?: boolean };
const today = '2026-01-05';
/**
 * Expected status per account (order of ACCOUNTS). 422 means the request passed the policy and
 * then met a business rule (same house, house not let), so no state changes between accounts.
 */
const MATRIX: [string, () => Call, number[]][] = [
  ['list residents', () => ({ method: 'GET', url: '/api/people/residents' }), [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403]],
  ['resident A detail', () => ({ method: 'GET', url: `/api/people/residents/${t.residentA}` }), [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403]],
  ['resident B detail', () => ({ method: 'GET', url: `/api/people/residents/${t.residentB}` }), [200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
  ['reveal A', () => ({ method: 'POST', url: `/api/people/residents/${t.residentA}/reveal`, payload: { reason: '核实低保申请' } }), [200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['reveal B', () => ({ method: 'POST', url: `/api/people/residents/${t.residentB}/reveal`, payload: { reason: '核实低保申请' } }), [200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
  ['save resident in A house', () => ({ method: 'POST', url: '/api/people/residents', payload: { name: '居民1', idNumber: person(1), houseId: t.houseA, residenceType: '户籍', phone: '13912345678' } }), [201, 201, 201, 201, 201, 403, 403, 403, 403, 403, 403, 403]],
  ['save resident in B house', () => ({ method: 'POST', url: '/api/people/residents', payload: { name: '居民2', idNumber: person(2), houseId: t.houseB, residenceType: '户籍', phone: '13912345678' } }), [201, 422, 422, 422, 422, 403, 403, 403, 403, 403, 403, 403]],
  ['move A to its own house', () => ({ method: 'POST', url: `/api/people/residents/${t.residentA}/move`, payload: { houseId: t.houseA, movedOn: today } }), [422, 422, 422, 422, 422, 403, 403, 403, 403, 403, 403, 403]],
  ['move B', () => ({ method: 'POST', url: `/api/people/residents/${t.residentB}/move`, payload: { houseId: t.houseB, movedOn: today } }), [422, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
  ['export residents', () => ({ method: 'GET', url: '/api/people/residents/export?format=csv' }), [200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['export residents unmasked', () => ({ method: 'GET', url: `/api/people/residents/export?format=csv&reveal=1&reason=${encodeURIComponent('年度核查')}` }), [200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['export houses', () => ({ method: 'GET', url: '/api/people/houses/export?format=csv' }), [200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['export entities', () => ({ method: 'GET', url: '/api/people/entities/export?format=xlsx' }), [200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['export components', () => ({ method: 'GET', url: '/api/people/components/export?format=csv' }), [200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['list houses', () => ({ method: 'GET', url: '/api/people/houses' }), [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403]],
  ['house A detail', () => ({ method: 'GET', url: `/api/people/houses/${t.houseA}` }), [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403]],
  ['house B detail', () => ({ method: 'GET', url: `/api/people/houses/${t.houseB}` }), [200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
  ['save house A', () => ({ method: 'PUT', url: `/api/people/houses/${t.houseA}`, payload: { use: '自住', areaM2: 88 } }), [204, 204, 204, 204, 204, 403, 403, 403, 403, 403, 403, 403]],
  ['save house B', () => ({ method: 'PUT', url: `/api/people/houses/${t.houseB}`, payload: { use: '自住', areaM2: 70 } }), [204, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
  ['register tenant in A (not let)', () => ({ method: 'POST', url: `/api/people/houses/${t.houseA}/tenancies`, payload: { residentId: t.residentA, startOn: today } }), [422, 422, 422, 422, 422, 403, 403, 403, 403, 403, 403, 403]],
  ['register tenant in B', () => ({ method: 'POST', url: `/api/people/houses/${t.houseB}/tenancies`, payload: { residentId: t.residentB, startOn: today } }), [422, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
  ['list entities', () => ({ method: 'GET', url: '/api/people/entities' }), [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403]],
  ['list components', () => ({ method: 'GET', url: '/api/people/components' }), [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403]],
  ['components GeoJSON', () => ({ method: 'GET', url: '/api/people/components/geojson?bbox=120,31,121,32' }), [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403]],
  ['components near a pin (case reporting)', () => ({ method: 'GET', url: '/api/people/components/nearby?lng=120.62&lat=31.31' }), [200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403]],
  ['care tags', () => ({ method: 'GET', url: '/api/people/care-tags' }), [200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403]],
  ['reveal log', () => ({ method: 'GET', url: '/api/people/reveal-log' }), [200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['upload import', () => ({ method: 'POST', url: '/api/people/imports?kind=residents', multipart: true }), [201, 201, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['list imports', () => ({ method: 'GET', url: '/api/people/imports' }), [200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['import A (community 1)', () => ({ method: 'GET', url: `/api/people/imports/${t.importA}` }), [200, 200, 200, 200, 404, 404, 404, 403, 404, 403, 403, 403]],
  ['import B (district)', () => ({ method: 'GET', url: `/api/people/imports/${t.importB}` }), [200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]],
  ['import A error report', () => ({ method: 'GET', url: `/api/people/imports/${t.importA}/errors?format=csv` }), [200, 200, 200, 200, 404, 404, 404, 403, 404, 403, 403, 403]],
  ['start import A with a bad mapping', () => ({ method: 'POST', url: `/api/people/imports/${t.importA}/start`, payload: { mapping: {} } }), [422, 422, 422, 422, 404, 404, 404, 403, 404, 403, 403, 403]],
];

describe('people routes: role × scope matrix', () => {
  it('covers every people route', () => {
    const routes = new Set(ctx.app.routeTable.filter((r) => r.url.startsWith('/api/people/')).map((r) => `${r.method} ${r.url}`));
    const covered = new Set(MATRIX.map(([, call]) => {
      const c = call();
      const url = c.url.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/:id');
      return `${c.method} ${url}`;
    }));
    expect([...routes].filter((r) => !covered.has(r))).toEqual([]);
  });

  it.each(MATRIX)('%s', async (_name, call, expected) => {
    const got: number[] = [];
    for (const account of ACCOUNTS) {
      const c = call();
      if (c.multipart) {
        got.push((await upload(ctx.app, sessions[account], 'residents', 'm.csv', csvOf([['姓名'], ['x']]))).statusCode);
        continue;
      }
      const res = await ctx.app.inject({ method: c.method, url: c.url, headers: sessions[account].headers, ...(c.payload ? { payload: c.payload as object } : {}) });
      got.push(res.statusCode);
    }
    expect(got).toEqual(expected);
  });
});
