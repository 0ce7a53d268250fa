import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { createVia, shanghaiIso, surveyInput, voteRoundInput } from './testing/fixtures.ts';

let ctx: TestContext;
let staff: Session;
let resident: Session;
let member: Session;
let volunteer: Session;
let leader: Session;
let community: number;

beforeAll(async () => {
  ctx = await createTestApp();
  [staff, resident, member, volunteer, leader] = (await Promise.all(
    ['staff', 'resident', 'member', 'volunteer', 'leader'].map((u) => loginAs(ctx.app, u)),
  )) as [Session, Session, Session, Session, Session];
  community = ctx.seed.tree.streets[0]!.communities[0]!.id;
});
afterAll(async () => {
  await ctx.close();
});

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
async function newRound(projects = 3, k = 2) {
  const id = await createVia(ctx, staff, '/api/participation/votes', voteRoundInput(community, projects, k));
  const round = (await call(staff, 'GET', `/api/participation/votes/${id}`)).json().data;
  return { id, projects: round.projects.map((p: { id: number }) => p.id) as number[] };
}

describe('micro-project votes', () => {
  it('stores exactly one ballot when a resident sends eight at once (unique index), the rest 409', async () => {
    const { id, projects } = await newRound();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call(resident, 'POST', `/api/participation/votes/${id}/ballots`, { projectIds: [projects[i % 3]!] }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const rows = await ctx.pool.query(
      `select count(*)::int as ballots, (select count(*)::int from participation_vote_choices where round_id = $1) as choices
       from participation_vote_ballots where round_id = $1`,
      [id],
    );
    expect(rows.rows[0]).toEqual({ ballots: 1, choices: 1 });
  });

  it('refuses more than K projects, a project twice and a project of another round (422 naming the field)', async () => {
    const { id, projects } = await newRound(3, 2);
    const other = await newRound();
    const tooMany = await call(member, 'POST', `/api/participation/votes/${id}/ballots`, { projectIds: projects });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.details[0].path).toBe('projectIds');
    const twice = await call(member, 'POST', `/api/participation/votes/${id}/ballots`, {
      projectIds: [projects[0], projects[0]],
    });
    expect(twice.statusCode).toBe(422);
    const foreign = await call(member, 'POST', `/api/participation/votes/${id}/ballots`, {
      projectIds: [projects[0], other.projects[0]],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.details[0].path).toBe('projectIds.1');
    const stored = await ctx.pool.query(
      `select count(*)::int as n from participation_vote_ballots where round_id = $1`,
      [id],
    );
    expect(stored.rows[0].n).toBe(0);
  });

  it('ranks with ties, hides results from residents until closed, and a closed round refuses everything', async () => {
    const { id, projects } = await newRound(3, 2);
    const [p1, p2, p3] = projects;
    expect(
      (await call(resident, 'POST', `/api/participation/votes/${id}/ballots`, { projectIds: [p1, p2] })).statusCode,
    ).toBe(201);
    expect(
      (await call(member, 'POST', `/api/participation/votes/${id}/ballots`, { projectIds: [p2, p1] })).statusCode,
    ).toBe(201);
    expect(
      (await call(volunteer, 'POST', `/api/participation/votes/${id}/ballots`, { projectIds: [p3] })).statusCode,
    ).toBe(201);
    expect((await call(resident, 'GET', `/api/participation/votes/${id}/results`)).statusCode).toBe(403);
    expect((await call(resident, 'GET', `/api/participation/votes/${id}`)).json().data.myVotes.sort()).toEqual(
      [p1, p2].sort(),
    );

    const closed = await call(staff, 'POST', `/api/participation/votes/${id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().data.phase).toBe('closed');
    const results = (await call(resident, 'GET', `/api/participation/votes/${id}/results`)).json().data;
    expect(results.voters).toBe(3);
    // p1 and p2 tie at 2 votes (rank 1 each, funded together); p3 is rank 3 (not 2); 90,000 of 100,000 funds all.
    expect(
      results.projects.map((p: { id: number; votes: number; rank: number; tied: boolean; funded: boolean }) => [
        p.id,
        p.votes,
        p.rank,
        p.tied,
        p.funded,
      ]),
    ).toEqual([
      [p1, 2, 1, true, true],
      [p2, 2, 1, true, true],
      [p3, 1, 3, false, true],
    ]);

    const late = await call(leader, 'POST', `/api/participation/votes/${id}/ballots`, { projectIds: [p3] });
    expect(late.statusCode).toBe(409);
    expect((await call(staff, 'POST', `/api/participation/votes/${id}/close`)).statusCode).toBe(409);
    // The database itself keeps a closed round as it is, whatever the code path.
    await expect(
      ctx.pool.query(`insert into participation_vote_ballots (round_id, user_id) values ($1, 999999)`, [id]),
    ).rejects.toThrow(/closed/);
    await expect(ctx.pool.query(`delete from participation_vote_choices where round_id = $1`, [id])).rejects.toThrow();
    await expect(
      ctx.pool.query(`update participation_vote_projects set budget_yuan = 1 where round_id = $1`, [id]),
    ).rejects.toThrow(/closed/);
    const audit = await ctx.pool.query(
      `select count(*)::int as n from audit_log where action = 'participation.vote.close' and target_id = $1`,
      [String(id)],
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('refuses ballots before the round opens', async () => {
    const future = {
      ...voteRoundInput(community),
      opensAt: shanghaiIso(Date.now() + 86_400_000),
      closesAt: shanghaiIso(Date.now() + 2 * 86_400_000),
    };
    const id = await createVia(ctx, staff, '/api/participation/votes', future);
    const round = (await call(staff, 'GET', `/api/participation/votes/${id}`)).json().data;
    expect(round.phase).toBe('upcoming');
    const res = await call(resident, 'POST', `/api/participation/votes/${id}/ballots`, {
      projectIds: [round.projects[0].id],
    });
    expect(res.statusCode).toBe(409);
  });

  it('checks a round (K above the projects, close before open) with 422 and writes nothing', async () => {
    const before = await ctx.pool.query(`select count(*)::int as n from participation_vote_rounds`);
    const bad = await call(staff, 'POST', '/api/participation/votes', { ...voteRoundInput(community, 2, 3) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain('votesPerResident');
    const backwards = await call(staff, 'POST', '/api/participation/votes', {
      ...voteRoundInput(community),
      closesAt: shanghaiIso(Date.now() - 86_400_000),
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.details.map((d: { path: string }) => d.path)).toContain('closesAt');
    const after = await ctx.pool.query(`select count(*)::int as n from participation_vote_rounds`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});

describe('surveys', () => {
  it('takes one response per resident, checks answers against the questions, and tallies for staff', async () => {
    const id = await createVia(ctx, staff, '/api/participation/surveys', surveyInput(community));
    const url = `/api/participation/surveys/${id}/responses`;
    const wrong = await call(resident, 'POST', url, { answers: [5, [1], null] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details[0].path).toBe('answers.0');
    const missing = await call(resident, 'POST', url, { answers: [0, [], null] });
    expect(missing.json().error.details[0].path).toBe('answers.1');
    const codes = (
      await Promise.all([0, 1, 2].map(() => call(resident, 'POST', url, { answers: [0, [0, 2], '周末开放'] })))
    ).map((r) => r.statusCode);
    expect(codes.sort()).toEqual([201, 409, 409]);
    expect((await call(member, 'POST', url, { answers: [1, [2], '  '] })).statusCode).toBe(201);
    expect((await call(resident, 'GET', `/api/participation/surveys/${id}/results`)).statusCode).toBe(403);
    const results = (await call(staff, 'GET', `/api/participation/surveys/${id}/results`)).json().data;
    expect(results.responses).toBe(2);
    expect(results.questions[0].counts).toEqual([
      { option: '满意', count: 1 },
      { option: '不满意', count: 1 },
    ]);
    expect(results.questions[1].counts.map((c: { count: number }) => c.count)).toEqual([1, 0, 2]);
    expect(results.questions[2]).toMatchObject({ texts: ['周末开放'], answered: 1 });
    expect((await call(resident, 'GET', `/api/participation/surveys/${id}`)).json().data.answeredByMe).toBe(true);
  });
});
