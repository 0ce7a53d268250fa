import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, TEST_PASSWORD, type TestContext } from '../test/test-app.ts';
import { emptyDatabase } from '../test/empty-database.ts';
import { seedDemoIfEmpty, smallFixture } from './index.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  // The demo as `npm start` seeds it (community life on), on a smaller slice of the district.
  await emptyDatabase(ctx.db);
  await seedDemoIfEmpty(ctx.db, {
    fixture: smallFixture(1, 1),
    password: TEST_PASSWORD,
    residentsDataKey: ctx.deps.config.dataKey,
    communityLife: true,
  });
});
afterAll(async () => {
  await ctx.close();
});

const total = (body: { data: unknown[]; page?: { total: number } }) => body.page?.total ?? body.data.length;

describe('the demo community the demo accounts log into', () => {
  it.each([
    ['secretary', '/api/wishes'],
    ['resident', '/api/wishes'],
    ['volunteer', '/api/wishes'],
    ['secretary', '/api/volunteers/activities'],
    ['volunteer', '/api/volunteers/activities'],
    ['member', '/api/volunteers/activities'],
    ['secretary', '/api/volunteers/teams'],
    ['secretary', '/api/meetings'],
    ['staff', '/api/meetings'],
    ['secretary', '/api/decisions'],
    ['street', '/api/decisions'],
    ['admin', '/api/decisions'],
    ['secretary', '/api/people/houses'],
    ['gridworker', '/api/people/houses'],
    ['secretary', '/api/people/components'],
    ['admin', '/api/people/components'],
    ['resident', '/api/participation/consultations'],
    ['resident', '/api/participation/surveys'],
    ['resident', '/api/participation/votes'],
    ['secretary', '/api/participation/votes'],
  ])('%s sees a non-empty %s', async (username, url) => {
    const s = await loginAs(ctx.app, username);
    const res = await ctx.app.inject({ url, headers: s.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(total(res.json())).toBeGreaterThan(0);
  });

  it('has decisions in progress and finished, and activities to sign up for', async () => {
    const s = await loginAs(ctx.app, 'secretary');
    const decisions = (await ctx.app.inject({ url: '/api/decisions', headers: s.headers })).json().data as {
      status: string;
    }[];
    expect(new Set(decisions.map((d) => d.status))).toEqual(new Set(['in_progress', 'completed']));
    const { rows } = await ctx.pool.query(
      `select count(*) filter (where starts_at > now())::int as upcoming, count(*) filter (where starts_at < now())::int as held from volunteer_activities`,
    );
    expect(rows[0].upcoming).toBeGreaterThan(0);
    expect(rows[0].held).toBeGreaterThan(0);
  });

  it('has an open consultation, survey and vote round, and a portal with results (路南社区)', async () => {
    const s = await loginAs(ctx.app, 'resident');
    const open = async (url: string) =>
      ((await ctx.app.inject({ url, headers: s.headers })).json().data as { phase: string }[]).filter(
        (i) => i.phase === 'open',
      ).length;
    expect(await open('/api/participation/consultations')).toBe(1);
    expect(await open('/api/participation/surveys')).toBe(1);
    expect(await open('/api/participation/votes')).toBe(1);
    const { rows } = await ctx.pool.query(`select code from org_nodes where level = 'community' order by id limit 1`);
    const portal = (await ctx.app.inject({ url: `/api/public/portal/${rows[0].code}` })).json().data;
    expect(portal.voteResults.length).toBe(1);
    expect(portal.decisions.length).toBeGreaterThan(0);
  });

  it('has 包保联户 rounds with households kept and visited, and a member with households of their own', async () => {
    const secretary = await loginAs(ctx.app, 'secretary');
    const rounds = (await ctx.app.inject({ url: '/api/contact/rounds', headers: secretary.headers })).json().data;
    expect(rounds).toHaveLength(15);
    const started = rounds.filter((r: { startsOn: string }) => r.startsOn <= new Date().toISOString().slice(0, 10));
    const coverage = (
      await ctx.app.inject({ url: `/api/contact/rounds/${started.at(-1).id}/coverage`, headers: secretary.headers })
    ).json().data;
    expect(coverage.total.assigned).toBeGreaterThan(0);
    expect(coverage.total.visited).toBeGreaterThan(0);
    const member = await loginAs(ctx.app, 'member');
    const mine = (await ctx.app.inject({ url: '/api/contact/my-households', headers: member.headers })).json().data;
    expect(mine.households.length).toBeGreaterThan(0);
  });

  it('shows residents a 党群连心墙 with commitments and the 一区两员 of their building', async () => {
    const resident = await loginAs(ctx.app, 'resident');
    const wall = (await ctx.app.inject({ url: '/api/outreach/wall', headers: resident.headers })).json().data;
    expect(wall.households.length).toBeGreaterThan(0);
    expect(wall.households.some((h: { commitments: unknown[] }) => h.commitments.length > 0)).toBe(true);
    const zone = (await ctx.app.inject({ url: '/api/outreach/my-zone', headers: resident.headers })).json().data;
    expect(zone.responsibilityMember.name).toBeTruthy();
    expect(zone.serviceMember.name).toBeTruthy();
  });
});
