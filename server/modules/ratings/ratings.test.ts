import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { actorFor } from '../meetings/test-actor.ts';
import { seedCommunityLifeFor } from '../services/test-seed.ts';
import { computePropertyList } from './commands/compute-property.ts';
import { computeStarRating } from './commands/compute-star.ts';
import { propertyScore, starScore, DEFAULT_STAR_INDICATORS } from './formulas.ts';
import type { RatingPorts } from './ports.ts';

let ctx: TestContext;
let street: Session;
let streetId: number;

/** Figures as the cases, party and wishes modules would give them, derived from the filter so each subject differs. */
const ports: RatingPorts = {
  caseFigures: async (_db, f) => {
    const k = f.estateNodeIds ? f.estateNodeIds.length : Number(f.scopePath?.split('/').filter(Boolean).at(-1)) % 7;
    return {
      reported: 40 + k,
      closed: 30 + k,
      handled: 30 + k,
      onTimeHandled: 24 + k,
      rated: 20,
      satisfied: 14 + k,
      avgResponseMinutes: 60 + k,
    };
  },
  memberPoints: async (_db, f) => 60 + (f.partyOrgId % 50),
  wishesFulfilled: async () => 12,
};

beforeAll(async () => {
  ctx = await createTestApp();
  await seedCommunityLifeFor(ctx);
  street = await loginAs(ctx.app, 'street');
  streetId = ctx.seed.tree.streets[0]!.id;
});
afterAll(async () => {
  await ctx.close();
});

const get = (s: Session, url: string) => ctx.app.inject({ method: 'GET', url, headers: s.headers });
const post = (s: Session, url: string, payload: object) =>
  ctx.app.inject({ method: 'POST', url, headers: s.headers, payload });

describe('formulas', () => {
  it('scores a branch at its weighted share of the targets and caps each indicator at its target', () => {
    const values = {
      cases_handled: 100,
      on_time_rate: 0.9,
      meeting_attendance: 0.4,
      member_points: null,
      wishes_fulfilled: 10,
    };
    // 25·1 + 25·1 + 20·0.5 + 15·0 + 15·0.5 = 67.5 of 100
    expect(starScore({ indicators: DEFAULT_STAR_INDICATORS, values })).toEqual({ score: 67.5, stars: 3 });
  });
  it('puts a property company on the red list at 80 points and above', () => {
    expect(
      propertyScore({ ratingAvg: 4.5, ratingCount: 10, handled: 10, onTimeHandled: 9, rated: 10, satisfied: 8 }),
    ).toEqual({ score: 87, colour: 'red' });
    expect(
      propertyScore({ ratingAvg: 3, ratingCount: 10, handled: 10, onTimeHandled: 6, rated: 10, satisfied: 5 }),
    ).toEqual({ score: 57, colour: 'yellow' });
  });
});

describe('branch star rating', () => {
  it('stores every input and the formula, so each result is reproduced from its inputs alone', async () => {
    const actor = await actorFor(ctx, 'street');
    const a = await computeStarRating(ctx.db, actor, { streetId, year: 2025 }, ports);
    const b = await computeStarRating(ctx.db, actor, { streetId, year: 2025 }, ports);
    const [ra, rb] = await Promise.all([
      get(street, `/api/ratings/runs/${a.id}`),
      get(street, `/api/ratings/runs/${b.id}`),
    ]).then((r) => r.map((x) => x.json().data));
    expect(ra.formulaVersion).toBe('branch-star/v1');
    expect(ra.formula).toContain('星级');
    const grids = ctx.seed.tree.streets[0]!.communities.reduce((n, c) => n + c.grids.length, 0);
    expect(ra.results).toHaveLength(grids);
    expect(ra.results.every((r: { reproduced: boolean }) => r.reproduced)).toBe(true);
    const strip = (r: { subjectId: number; inputs: unknown; score: number; outcome: string }) => ({
      s: r.subjectId,
      i: r.inputs,
      sc: r.score,
      o: r.outcome,
    });
    expect(rb.results.map(strip)).toEqual(ra.results.map(strip));
    for (const r of ra.results) expect(String(starScore(r.inputs).stars)).toBe(r.outcome);
  });

  it('lets the community secretary adjust a branch of their community with a reason, keeping the computed stars', async () => {
    const run = await computeStarRating(ctx.db, await actorFor(ctx, 'street'), { streetId, year: 2025 }, ports);
    const secretary = await loginAs(ctx.app, 'secretary');
    const results = (await get(street, `/api/ratings/runs/${run.id}`)).json().data.results as {
      id: number;
      subjectPath: string;
      outcome: string;
    }[];
    const own = results.find((r) => r.subjectPath.startsWith(ctx.seed.tree.streets[0]!.communities[0]!.path))!;
    const other = results.find((r) => r.subjectPath.startsWith(ctx.seed.tree.streets[0]!.communities[1]!.path))!;
    const res = await post(secretary, `/api/ratings/results/${own.id}/adjust`, {
      stars: 5,
      reason: '年度获评市级先进党支部',
    });
    expect(res.json().data).toMatchObject({
      adjustedOutcome: '5',
      outcome: own.outcome,
      adjustReason: '年度获评市级先进党支部',
    });
    expect(
      (await post(secretary, `/api/ratings/results/${other.id}/adjust`, { stars: 5, reason: '不是本社区' })).statusCode,
    ).toBe(404);
    expect(
      (await post(street, `/api/ratings/results/${own.id}/adjust`, { stars: 1, reason: '街道不能改' })).statusCode,
    ).toBe(403);
  });

  it('lets the street change indicator weights; the next run carries the new weights in its inputs', async () => {
    const indicators = [{ key: 'meeting_attendance', weight: 1, target: 0.8 }];
    expect(
      (
        await ctx.app.inject({
          method: 'PUT',
          url: `/api/ratings/star-config?streetId=${streetId}`,
          headers: street.headers,
          payload: { indicators },
        })
      ).statusCode,
    ).toBe(200);
    const run = (await post(street, '/api/ratings/star-runs', { streetId, year: 2025 })).json().data;
    const results = (await get(street, `/api/ratings/runs/${run.id}`)).json().data.results;
    expect(results[0].inputs.indicators).toEqual(indicators);
    expect(results.every((r: { reproduced: boolean }) => r.reproduced)).toBe(true);
  });
});

describe('red property management list', () => {
  it("turns residents' ratings and property case figures into a reproducible two-colour list per street", async () => {
    const resident = await loginAs(ctx.app, 'resident');
    expect((await post(resident, '/api/ratings/property-ratings', { month: '2026-01', score: 2 })).statusCode).toBe(
      201,
    );
    expect(
      (await post(resident, '/api/ratings/property-ratings', { month: '2026-01', score: 1, comment: '电梯常坏' }))
        .statusCode,
    ).toBe(201);
    const run = await computePropertyList(ctx.db, await actorFor(ctx, 'street'), { streetId, month: '2026-01' }, ports);
    const list = (await get(resident, `/api/ratings/property-list?streetId=${streetId}`)).json().data;
    expect(list.run.id).toBe(run.id);
    const all = [...list.red, ...list.yellow];
    expect(all).toHaveLength(4);
    const rated = all.find((r: { inputs: { ratingCount: number } }) => r.inputs.ratingCount === 1);
    expect(rated.inputs.ratingAvg).toBe(1);
    expect(list.yellow).toContainEqual(rated);
    expect(all.every((r: { reproduced: boolean }) => r.reproduced)).toBe(true);
    const otherStreet = ctx.seed.tree.streets[1]!.id;
    expect((await get(resident, `/api/ratings/property-list?streetId=${otherStreet}`)).statusCode).toBe(404);
  });
});

describe('department ratings by communities', () => {
  it('takes each community vote once (re-voting replaces it) and suggests a grade', async () => {
    const secretary = await loginAs(ctx.app, 'secretary');
    const {
      rows: [dept],
    } = await ctx.pool.query(`select id from departments where serves_node_id = $1 and code = 'urban_management'`, [
      streetId,
    ]);
    const communityId = ctx.seed.tree.streets[0]!.communities[0]!.id;
    await post(secretary, '/api/ratings/department-votes', {
      year: 2025,
      departmentId: dept.id,
      communityId,
      score: 2,
    });
    expect(
      (
        await post(secretary, '/api/ratings/department-votes', {
          year: 2025,
          departmentId: dept.id,
          communityId,
          score: 5,
        })
      ).statusCode,
    ).toBe(201);
    const run = (await post(street, '/api/ratings/department-runs', { streetId, year: 2025 })).json().data;
    const r = (await get(street, `/api/ratings/runs/${run.id}`))
      .json()
      .data.results.find((x: { subjectId: number }) => x.subjectId === dept.id);
    expect(r.inputs).toMatchObject({ voteAvg: 5, votes: 1 });
    expect(r.reproduced).toBe(true);
    expect((await post(secretary, '/api/ratings/department-runs', { streetId, year: 2025 })).statusCode).toBe(404);
  });
});
