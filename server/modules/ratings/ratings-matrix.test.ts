import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { seedCommunityLifeFor } from '../services/test-seed.ts';
import { DEMO_ACCOUNTS, type DemoAccount } from '../../test/demo-accounts.ts';

/**
 * Role × scope × action matrix of ratings. Rows: the demo accounts' own street and the other
 * street; branch results and department votes also by community (own, other in the street, other street).
 */
let ctx: TestContext;
const sessions = new Map<string, Session>();
let streets: number[];
let communities: number[];
/** Per street: an admin-computed star run and property run. */
let starRuns: number[];
let propertyRuns: number[];
/** Star results of the branches of c1's first grid, c2's first grid, and the other street's first grid. */
let results: number[];
/** The urban-management department serving each of `communities`. */
let depts: number[];

const ROLES = DEMO_ACCOUNTS;
type Role = DemoAccount;

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  ctx = await createTestApp();
  await seedCommunityLifeFor(ctx);
  for (const r of ROLES) sessions.set(r, await loginAs(ctx.app, r));
  const admin = sessions.get('admin')!;
  const [s1, s2] = ctx.seed.tree.streets;
  streets = [s1!.id, s2!.id];
  const grids = [s1!.communities[0]!.grids[0]!, s1!.communities[1]!.grids[0]!, s2!.communities[0]!.grids[0]!];
  communities = [s1!.communities[0]!.id, s1!.communities[1]!.id, s2!.communities[0]!.id];
  starRuns = [];
  propertyRuns = [];
  for (const streetId of streets) {
    starRuns.push((await call(admin, 'POST', '/api/ratings/star-runs', { streetId, year: 2025 })).json().data.id);
    propertyRuns.push(
      (await call(admin, 'POST', '/api/ratings/property-runs', { streetId, month: '2025-12' })).json().data.id,
    );
  }
  const all: { id: number; subjectPath: string }[] = [];
  for (const id of starRuns)
    all.push(
      ...((await call(admin, 'GET', `/api/ratings/runs/${id}`)).json().data.results as {
        id: number;
        subjectPath: string;
      }[]),
    );
  results = grids.map((g) => all.find((r) => r.subjectPath === g.path)!.id);
  const dept = async (streetId: number) =>
    (
      await ctx.pool.query(`select id from departments where serves_node_id = $1 and code = 'urban_management'`, [
        streetId,
      ])
    ).rows[0].id as number;
  depts = [await dept(s1!.id), await dept(s1!.id), await dept(s2!.id)];
});
afterAll(async () => {
  await ctx.close();
});

type Two = [number, number];
type Three = [number, number, number];
const table = <T>(given: Partial<Record<Role, T>>, rest: T) =>
  Object.fromEntries(ROLES.map((r) => [r, given[r] ?? rest])) as Record<Role, T>;

/** Internal figures (star configuration and star runs): rating readers of the street. */
const READ_INTERNAL = table<Two>(
  { admin: [200, 200], street: [200, 404], secretary: [200, 404], staff: [200, 404] },
  [403, 404],
);
/** Configuring and computing: the street and above; the department handler's scope is the street but not the right. */
const COMPUTE = table<Two>({ admin: [0, 0], street: [0, 404], dept: [403, 404] }, [404, 404]);
/** The published two-colour list: anyone living or working in the street. */
const PUBLISHED = table<Two>({ admin: [200, 200] }, [200, 404]);
/** Adjusting a branch's stars: the community secretary, for branches of their community. */
const ADJUST = table<Three>(
  { admin: [403, 403, 403], street: [403, 403, 404], secretary: [200, 404, 404], dept: [403, 403, 404] },
  [403, 404, 404],
);
/** A community's vote on a department: its secretary. */
const VOTE = table<Three>(
  {
    admin: [403, 403, 403],
    street: [403, 403, 404],
    secretary: [201, 404, 404],
    staff: [403, 404, 404],
    dept: [403, 403, 404],
    volunteer: [403, 404, 404],
    property: [403, 404, 404],
    counit: [403, 404, 404],
  },
  [404, 404, 404],
);
/** Rating the property company of one's own estate; a party member's scope (a grid) names no estate. */
const RATE_PROPERTY = table<number>({ leader: 201, resident: 201, member: 422 }, 403);

const ok = (codes: number[], success: number) => codes.map((c) => c || success);

describe('ratings: role × scope × action', () => {
  it.each(ROLES)('%s', async (role) => {
    const s = sessions.get(role)!;
    const got: Record<string, number[] | number> = {
      starConfig: [],
      saveConfig: [],
      starRun: [],
      propertyRun: [],
      departmentRun: [],
      readStarRun: [],
      propertyList: [],
      readPropertyRun: [],
      companies: [],
    };
    const push = (k: string, v: number) => (got[k] as number[]).push(v);
    for (const [i, streetId] of streets.entries()) {
      push('starConfig', (await call(s, 'GET', `/api/ratings/star-config?streetId=${streetId}`)).statusCode);
      push(
        'saveConfig',
        (
          await call(s, 'PUT', `/api/ratings/star-config?streetId=${streetId}`, {
            indicators: [{ key: 'on_time_rate', weight: 1, target: 0.9 }],
          })
        ).statusCode,
      );
      push('starRun', (await call(s, 'POST', '/api/ratings/star-runs', { streetId, year: 2025 })).statusCode);
      push(
        'propertyRun',
        (await call(s, 'POST', '/api/ratings/property-runs', { streetId, month: '2025-12' })).statusCode,
      );
      push(
        'departmentRun',
        (await call(s, 'POST', '/api/ratings/department-runs', { streetId, year: 2025 })).statusCode,
      );
      push('readStarRun', (await call(s, 'GET', `/api/ratings/runs/${starRuns[i]}`)).statusCode);
      push('propertyList', (await call(s, 'GET', `/api/ratings/property-list?streetId=${streetId}`)).statusCode);
      push('readPropertyRun', (await call(s, 'GET', `/api/ratings/runs/${propertyRuns[i]}`)).statusCode);
      push('companies', (await call(s, 'GET', `/api/ratings/property-companies?streetId=${streetId}`)).statusCode);
    }
    got.adjust = [];
    got.vote = [];
    for (const [i, resultId] of results.entries()) {
      push(
        'adjust',
        (await call(s, 'POST', `/api/ratings/results/${resultId}/adjust`, { stars: 4, reason: '获评区级先进' }))
          .statusCode,
      );
      push(
        'vote',
        (
          await call(s, 'POST', '/api/ratings/department-votes', {
            year: 2025,
            departmentId: depts[i],
            communityId: communities[i],
            score: 4,
          })
        ).statusCode,
      );
    }
    got.rateProperty = (
      await call(s, 'POST', '/api/ratings/property-ratings', { month: '2025-12', score: 4 })
    ).statusCode;
    got.runList = (await call(s, 'GET', '/api/ratings/runs')).statusCode;
    expect(got).toEqual({
      starConfig: READ_INTERNAL[role],
      saveConfig: ok(COMPUTE[role], 200),
      starRun: ok(COMPUTE[role], 201),
      propertyRun: ok(COMPUTE[role], 201),
      departmentRun: ok(COMPUTE[role], 201),
      readStarRun: READ_INTERNAL[role],
      propertyList: PUBLISHED[role],
      readPropertyRun: PUBLISHED[role],
      companies: PUBLISHED[role],
      adjust: ADJUST[role],
      vote: VOTE[role],
      rateProperty: RATE_PROPERTY[role],
      runList: READ_INTERNAL[role][0] === 200 ? 200 : 403,
    });
  });
});

describe('star-rating configuration screen', () => {
  it('returns the formula with the indicators, and the right to edit only to those who may compute', async () => {
    const url = `/api/ratings/star-config?streetId=${streets[0]}`;
    const forStreet = (await call(sessions.get('street')!, 'GET', url)).json();
    expect(forStreet.data.formula).toMatchObject({ version: 'branch-star/v1', text: expect.stringContaining('Σ权重') });
    expect(forStreet.abilities).toEqual(['compute']);
    expect((await call(sessions.get('secretary')!, 'GET', url)).json().abilities).toEqual([]);
  });
});
