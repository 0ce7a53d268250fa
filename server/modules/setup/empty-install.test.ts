import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { emptyDatabase } from '../../test/empty-database.ts';
import { issueSetupCode } from './setup-state.ts';

/**
 * An install just set up: a district and two streets, no communities, grids, cases or people.
 * Every page's API must answer (empty lists, zero figures), never 500.
 */
let ctx: TestContext;
let admin: Session;
let districtId: number;
let streetId: number;
const PASSWORD = 'Qiao-men-River-2026!';
beforeAll(async () => {
  ctx = await createTestApp();
  await emptyDatabase(ctx.db);
  const setupCode = (await issueSetupCode(ctx.db))!;
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: {
      setupCode,
      districtCode: '320508',
      streetCodes: ['320508017', '320508018'],
      admin: { username: 'gusu_admin', displayName: '陈立新', password: PASSWORD, phone: '13912345678' },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  districtId = res.json().data.district.id;
  streetId = res.json().data.streets[0].id;
  admin = await loginAs(ctx.app, 'gusu_admin', PASSWORD);
});
afterAll(async () => {
  await ctx.close();
});

const LISTS = [
  '/api/me',
  '/api/analytics/bigscreen/base',
  '/api/analytics/bigscreen/cases',
  '/api/analytics/map/layers',
  '/api/boards',
  '/api/cases',
  '/api/cases/categories',
  '/api/cases/indicators',
  '/api/decisions',
  '/api/meetings',
  '/api/meetings/attendance-stats',
  '/api/notifications',
  '/api/open311/keys',
  '/api/org/communities',
  '/api/party/co-units',
  '/api/people/care-tags',
  '/api/people/components',
  '/api/people/components/geojson',
  '/api/people/entities',
  '/api/people/houses',
  '/api/people/imports',
  '/api/people/residents',
  '/api/people/reveal-log',
  '/api/ratings/property-companies',
  '/api/ratings/property-list',
  '/api/ratings/runs',
  '/api/ratings/star-config',
  '/api/resolutions',
  '/api/services/bookings',
  '/api/services/manage/catalogue',
  '/api/volunteers/activities',
  '/api/volunteers/teams',
  '/api/wishes',
];

describe('a freshly set-up district with nothing under its streets', () => {
  it.each(LISTS)('GET %s answers without a server error', async (url) => {
    const res = await ctx.app.inject({ url, headers: admin.headers });
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect(res.statusCode, res.body).not.toBe(404);
  });

  it.each([
    (id: number) => `/api/org/nodes/${id}`,
    (id: number) => `/api/org/nodes/${id}/children`,
    (id: number) => `/api/org/nodes/${id}/grids`,
    (id: number) => `/api/org/nodes/${id}/outline`,
    (id: number) => `/api/org/nodes/${id}/coverage`,
    (id: number) => `/api/org/nodes/${id}/departments`,
    (id: number) => `/api/org/nodes/${id}/party-orgs`,
  ])('the district and a street answer %s', async (url) => {
    for (const id of [districtId, streetId]) {
      const res = await ctx.app.inject({ url: url(id), headers: admin.headers });
      expect(res.statusCode, `${url(id)} ${res.body}`).toBeLessThan(500);
    }
  });

  it('shows the two streets under the district and zero cases on the big screen', async () => {
    const children = (
      await ctx.app.inject({ url: `/api/org/nodes/${districtId}/children`, headers: admin.headers })
    ).json();
    expect(JSON.stringify(children)).toContain('白洋湾街道');
    expect(JSON.stringify(children)).toContain('平江街道');
    const cases = await ctx.app.inject({ url: '/api/cases', headers: admin.headers });
    expect(cases.json().data).toEqual([]);
  });
});
