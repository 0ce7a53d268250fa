import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';

let ctx: TestContext;
let secretary: Session;
let communityId: number;
let gridId: number;
let memberId: number;
let residentId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  secretary = await loginAs(ctx.app, 'secretary');
  const c1 = ctx.seed.tree.streets[0]!.communities[0]!;
  communityId = c1.id;
  gridId = c1.grids[0]!.id;
  const { rows } = await ctx.pool.query<{ id: number; username: string }>(
    `select id, username from users where username in ('member','resident')`,
  );
  memberId = rows.find((r) => r.username === 'member')!.id;
  residentId = rows.find((r) => r.username === 'resident')!.id;
});
afterAll(async () => {
  await ctx.close();
});

const post = (s: Session, url: string, payload: unknown) =>
  ctx.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as object });
const put = (s: Session, url: string, payload: unknown) =>
  ctx.app.inject({ method: 'PUT', url, headers: s.headers, payload: payload as object });
const get = (s: Session, url: string) => ctx.app.inject({ method: 'GET', url, headers: s.headers });

async function heldMeeting(type: string, title: string): Promise<number> {
  const m = await post(secretary, '/api/meetings', {
    nodeId: communityId,
    type,
    title,
    startsAt: '2026-03-10T09:00:00+08:00',
    place: '社区党群服务中心',
  });
  expect(m.statusCode).toBe(201);
  const id = m.json().data.id;
  expect((await put(secretary, `/api/meetings/${id}/minutes`, { minutes: '会议纪要' })).statusCode).toBe(200);
  return id;
}

describe('meeting attendance', () => {
  it('computes the attendance rate as signed in over recorded invitees, per person and per branch', async () => {
    const m = await post(secretary, '/api/meetings', {
      nodeId: gridId,
      type: 'party_members',
      title: '网格支部党员大会',
      startsAt: '2026-02-01T09:00:00+08:00',
      place: '网格工作站',
    });
    const id = m.json().data.id;
    const {
      rows: [branch],
    } = await ctx.pool.query(`select id from party_orgs where node_id = $1 and kind = 'grid_branch'`, [gridId]);
    const inv = await post(secretary, `/api/meetings/${id}/invitees`, {
      users: [
        { userId: memberId, partyOrgId: branch.id },
        { userId: residentId, partyOrgId: branch.id },
      ],
      units: ['区供电公司', '苏州银行姑苏支行'],
    });
    expect(inv.json().data.added).toBe(4);
    const detail = (await get(secretary, `/api/meetings/${id}`)).json().data;
    const byName = (n: string) => detail.invitees.find((i: { displayName: string }) => i.displayName === n).id;
    const marks = detail.invitees.map((i: { id: number; userId: number | null; displayName: string }) => ({
      inviteeId: i.id,
      attendance:
        i.userId === memberId
          ? 'signed_in'
          : i.userId === residentId
            ? 'excused'
            : i.displayName === '区供电公司'
              ? 'signed_in'
              : 'absent',
    }));
    expect(byName('区供电公司')).toBeTruthy();
    expect((await post(secretary, `/api/meetings/${id}/attendance`, { marks })).statusCode).toBe(200);
    await put(secretary, `/api/meetings/${id}/minutes`, { minutes: '学习并讨论' });
    const after = (await get(secretary, `/api/meetings/${id}`)).json().data;
    expect(after.attendance).toEqual({ expected: 4, signedIn: 2, excused: 1, absent: 1, rate: 0.5 });
    const stats = (await get(secretary, '/api/meetings/attendance-stats?year=2026')).json().data;
    expect(stats.branches).toEqual([
      expect.objectContaining({ partyOrgId: branch.id, expected: 2, signedIn: 1, rate: 0.5 }),
    ]);
    expect(stats.people.find((p: { userId: number }) => p.userId === memberId)).toMatchObject({ signedIn: 1, rate: 1 });
  });

  it('refuses to mark someone who was not invited, naming the field', async () => {
    const id = await heldMeeting('joint', '联席会议');
    const res = await post(secretary, `/api/meetings/${id}/attendance`, {
      marks: [{ inviteeId: 999999, attendance: 'signed_in' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('marks.0.inviteeId');
  });
});

describe('resolutions as tasks', () => {
  it('lists an open resolution past its due day as overdue, and not once it is done', async () => {
    const id = await heldMeeting('neighbourhood_talk', '加装电梯恳谈会');
    const late = await post(secretary, `/api/meetings/${id}/resolutions`, {
      text: '联系电梯公司报价',
      ownerName: '王主任',
      dueOn: '2020-01-31',
    });
    expect(late.statusCode).toBe(201);
    await post(secretary, `/api/meetings/${id}/resolutions`, {
      text: '征求全体住户意见',
      ownerName: '李楼长',
      dueOn: '2099-12-31',
    });
    const overdue = (await get(secretary, '/api/resolutions?overdue=true')).json().data;
    expect(overdue.map((r: { text: string }) => r.text)).toEqual(['联系电梯公司报价']);
    expect(overdue[0].overdue).toBe(true);
    expect(
      (await post(secretary, `/api/resolutions/${late.json().data.id}/complete`, { note: '已取得三家报价' }))
        .statusCode,
    ).toBe(200);
    expect((await get(secretary, '/api/resolutions?overdue=true')).json().data).toEqual([]);
  });

  it('refuses a resolution before the minutes are recorded', async () => {
    const m = await post(secretary, '/api/meetings', {
      nodeId: communityId,
      type: 'joint',
      title: '未召开',
      startsAt: '2026-05-01T09:00:00+08:00',
      place: '会议室',
    });
    expect(
      (
        await post(secretary, `/api/meetings/${m.json().data.id}/resolutions`, {
          text: 'x',
          ownerName: '甲',
          dueOn: '2026-06-01',
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('四议两公开', () => {
  it('enforces the order (skipping a step is 409), links meetings and votes, and publishes to the community page', async () => {
    const resident = await loginAs(ctx.app, 'resident');
    const d = await post(secretary, '/api/decisions', {
      communityId,
      title: '小区停车位改造',
      summary: '利用闲置空地新增停车位 40 个',
    });
    expect(d.statusCode).toBe(201);
    const did = d.json().data.id;
    const step = (payload: object) => post(secretary, `/api/decisions/${did}/steps`, payload);
    const skip = await step({ kind: 'committees', note: '跳过提议' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('DECISION_STEP_OUT_OF_ORDER');
    expect((await step({ kind: 'proposal', note: '社区党委提议' })).statusCode).toBe(200);
    expect((await step({ kind: 'proposal', note: '重复' })).statusCode).toBe(409);
    const joint = await heldMeeting('joint', '两委联席会');
    const noVotes = await step({ kind: 'committees', meetingId: joint, note: '商议' });
    expect(noVotes.statusCode).toBe(422);
    const talk = await heldMeeting('neighbourhood_talk', '恳谈会');
    expect(
      (await step({ kind: 'committees', meetingId: talk, votesFor: 9, votesAgainst: 0, votesAbstain: 0, note: '商议' }))
        .statusCode,
    ).toBe(422);
    expect(
      (
        await step({
          kind: 'committees',
          meetingId: joint,
          votesFor: 9,
          votesAgainst: 1,
          votesAbstain: 0,
          note: '两委商议通过',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await step({
          kind: 'representatives',
          meetingId: joint,
          votesFor: 1,
          votesAgainst: 0,
          votesAbstain: 0,
          note: '越过党员大会',
        })
      ).statusCode,
    ).toBe(409);
    const pm = await heldMeeting('party_members', '党员大会');
    expect(
      (
        await step({
          kind: 'party_members',
          meetingId: pm,
          votesFor: 30,
          votesAgainst: 2,
          votesAbstain: 1,
          note: '审议通过',
        })
      ).statusCode,
    ).toBe(200);
    const reps = await heldMeeting('representatives', '居民代表会议');
    expect(
      (
        await step({
          kind: 'representatives',
          meetingId: reps,
          votesFor: 41,
          votesAgainst: 3,
          votesAbstain: 2,
          note: '表决通过',
        })
      ).statusCode,
    ).toBe(200);
    expect((await get(resident, `/api/communities/${communityId}/public`)).json().data.decisions).toEqual([]);
    expect((await step({ kind: 'resolution_published', note: '决议在公开栏公示 7 天' })).statusCode).toBe(200);
    const page = (await get(resident, `/api/communities/${communityId}/public`)).json().data;
    expect(page.decisions[0]).toMatchObject({ title: '小区停车位改造', status: 'in_progress' });
    expect(page.decisions[0].votes.map((v: { kind: string }) => v.kind)).toEqual([
      'committees',
      'party_members',
      'representatives',
    ]);
    const done = await step({ kind: 'result_published', note: '新增车位 40 个已投入使用' });
    expect(done.json().data).toMatchObject({ stepsDone: 6, status: 'completed' });
    const detail = (await get(secretary, `/api/decisions/${did}`)).json().data;
    expect(detail.steps.map((s: { step: number }) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(detail.steps[3]).toMatchObject({ meetingId: reps, meetingTitle: '居民代表会议', votesFor: 41 });
  });

  it('ends the record as rejected when a vote fails, and refuses any further step', async () => {
    const did = (
      await post(secretary, '/api/decisions', { communityId, title: '拆除围墙', summary: '拆除小区间围墙' })
    ).json().data.id;
    await post(secretary, `/api/decisions/${did}/steps`, { kind: 'proposal', note: '提议' });
    const joint = await heldMeeting('joint', '两委会');
    const res = await post(secretary, `/api/decisions/${did}/steps`, {
      kind: 'committees',
      meetingId: joint,
      votesFor: 3,
      votesAgainst: 3,
      votesAbstain: 1,
      note: '未过半数',
    });
    expect(res.json().data.status).toBe('rejected');
    expect(
      (await post(secretary, `/api/decisions/${did}/steps`, { kind: 'party_members', note: 'x' })).statusCode,
    ).toBe(409);
  });

  it('hides the public page of another community', async () => {
    const resident = await loginAs(ctx.app, 'resident');
    const other = ctx.seed.tree.streets[0]!.communities[1]!.id;
    expect((await get(resident, `/api/communities/${other}/public`)).statusCode).toBe(404);
  });
});
