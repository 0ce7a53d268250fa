import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../test/demo-accounts.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { signUpResident } from '../accounts/signup/testing.ts';
import { consultationInput, createVia, houseIn, surveyInput, voteRoundInput } from './testing/fixtures.ts';

/**
 * Role × scope × action matrix of 居民参与. Columns: the demo accounts' community, another
 * community of the same street, a community of the other street. Staff manage what their scope
 * covers; verified residents take part in the community they live in; others see nothing.
 */
let ctx: TestContext;
const sessions = new Map<string, Session>();
let communities: number[];
const items = { consultation: [] as number[], survey: [] as number[], vote: [] as number[] };
let firstProject: number[];

type Three = [number, number, number];
// The demo accounts and a resident whose sign-up awaits verification.
const ROLES = [...DEMO_ACCOUNTS, 'pending'] as const;
type Role = (typeof ROLES)[number];
const RESIDENTS = ['leader', 'member', 'volunteer', 'resident'];
const OUTSIDERS = ['gridworker', 'dept', 'property', 'counit'];

/** Expected statuses per action; `ok` is the action's success status. */
function expected(role: Role, action: 'read' | 'manage' | 'create' | 'take_part' | 'list', ok: number): Three {
  if (role === 'pending') return [403, 403, 403]; // awaiting real-name verification: refused before anything is read
  const covers: Three =
    role === 'admin'
      ? [1, 1, 1]
      : role === 'street'
        ? [1, 1, 0]
        : role === 'secretary' || role === 'staff'
          ? [1, 0, 0]
          : [0, 0, 0];
  const lives: Three = RESIDENTS.includes(role) ? [1, 0, 0] : [0, 0, 0];
  const staff = !RESIDENTS.includes(role) && !OUTSIDERS.includes(role);
  const pick = (f: (i: number) => number) => [0, 1, 2].map(f) as Three;
  switch (action) {
    case 'list':
      return OUTSIDERS.includes(role) ? [403, 403, 403] : [200, 200, 200];
    case 'read':
      return pick((i) => (covers[i] || lives[i] ? 200 : 404));
    case 'create':
      return pick((i) => (!staff ? 403 : covers[i] ? ok : 404));
    case 'manage':
      return pick((i) => (covers[i] ? ok : lives[i] ? 403 : 404));
    case 'take_part':
      return pick((i) => (lives[i] ? ok : covers[i] ? 403 : 404));
  }
}

beforeAll(async () => {
  ctx = await createTestApp();
  for (const r of ROLES.filter((r) => r !== 'pending')) sessions.set(r, await loginAs(ctx.app, r));
  const [s1, s2] = ctx.seed.tree.streets;
  const [c1, c2] = s1!.communities;
  const c3 = s2!.communities[0]!;
  communities = [c1!.id, c2!.id, c3.id];
  sessions.set('pending', (await signUpResident(ctx.app, await houseIn(ctx, c1!.path))).session);
  const admin = sessions.get('admin')!;
  for (const c of communities) {
    items.consultation.push(await createVia(ctx, admin, '/api/participation/consultations', consultationInput(c)));
    items.survey.push(await createVia(ctx, admin, '/api/participation/surveys', surveyInput(c)));
    items.vote.push(await createVia(ctx, admin, '/api/participation/votes', voteRoundInput(c)));
  }
  const r = await ctx.pool.query(
    `select min(id) as id from participation_vote_projects group by round_id order by round_id`,
  );
  firstProject = r.rows.map((row) => Number(row.id));
});
afterAll(async () => {
  await ctx.close();
});

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
async function row(role: Role, f: (i: number) => Promise<{ statusCode: number }>): Promise<number[]> {
  const out = [];
  for (const i of [0, 1, 2]) out.push((await f(i)).statusCode);
  return out;
}

describe('participation matrix', () => {
  it.each(ROLES)('%s: list, read, create, manage and take part by community', async (role) => {
    const s = sessions.get(role)!;
    const c = (i: number) => items.consultation[i]!;
    const got = {
      list: await row(role, () => call(s, 'GET', '/api/participation/votes')),
      readConsultation: await row(role, (i) => call(s, 'GET', `/api/participation/consultations/${c(i)}`)),
      readSurvey: await row(role, (i) => call(s, 'GET', `/api/participation/surveys/${items.survey[i]}`)),
      readVote: await row(role, (i) => call(s, 'GET', `/api/participation/votes/${items.vote[i]}`)),
      create: await row(role, (i) =>
        call(s, 'POST', '/api/participation/consultations', consultationInput(communities[i]!)),
      ),
      respond: await row(role, (i) =>
        call(s, 'POST', `/api/participation/consultations/${c(i)}/response`, { summary: '已采纳' }),
      ),
      surveyResults: await row(role, (i) => call(s, 'GET', `/api/participation/surveys/${items.survey[i]}/results`)),
      intro: await row(role, (i) =>
        call(s, 'PUT', `/api/participation/portal/${communities[i]}/intro`, { intro: '社区简介' }),
      ),
      comment: await row(role, (i) =>
        call(s, 'POST', `/api/participation/consultations/${c(i)}/comments`, { body: '同意' }),
      ),
      answer: await row(role, (i) =>
        call(s, 'POST', `/api/participation/surveys/${items.survey[i]}/responses`, { answers: [0, [1], null] }),
      ),
      vote: await row(role, (i) =>
        call(s, 'POST', `/api/participation/votes/${items.vote[i]}/ballots`, { projectIds: [firstProject[i]] }),
      ),
    };
    expect(got).toEqual({
      list: expected(role, 'list', 200),
      readConsultation: expected(role, 'read', 200),
      readSurvey: expected(role, 'read', 200),
      readVote: expected(role, 'read', 200),
      create: expected(role, 'create', 201),
      respond: expected(role, 'manage', 200),
      surveyResults: expected(role, 'manage', 200),
      intro: expected(role, 'create', 200),
      comment: expected(role, 'take_part', 201),
      answer: expected(role, 'take_part', 201),
      vote: expected(role, 'take_part', 201),
    });
  });

  it('anonymous callers get 401 on every participation route and 200 on the portal', async () => {
    const anon = { headers: {} } as Session;
    expect((await call(anon, 'GET', '/api/participation/votes')).statusCode).toBe(401);
    expect((await call(anon, 'GET', `/api/participation/consultations/${items.consultation[0]}`)).statusCode).toBe(401);
    expect(
      (await call(anon, 'POST', `/api/participation/votes/${items.vote[0]}/ballots`, { projectIds: [1] })).statusCode,
    ).toBe(401);
    const code = (await ctx.pool.query(`select code from org_nodes where id = $1`, [communities[0]])).rows[0].code;
    expect((await call(anon, 'GET', `/api/public/portal/${code}`)).statusCode).toBe(200);
  });
});
