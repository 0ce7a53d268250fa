import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { DEMO_ACCOUNTS, type DemoAccount } from '../../test/demo-accounts.ts';

/**
 * Role × scope × action matrix of meetings, resolutions and 四议两公开. Every demo account lives or
 * works in the first community's first grid (or above it); rows run from there outwards.
 */
let ctx: TestContext;
let admin: Session;
const sessions = new Map<string, Session>();
/** Nodes a meeting can concern: ownGrid, ownCommunity, otherGrid (same community), otherCommunity (same street), otherStreet. */
let nodes: number[];
/** Communities for 四议两公开 records and the public page: own, other in the street, other street. */
let communities: number[];

const ROLES = DEMO_ACCOUNTS;
type Role = DemoAccount;

beforeAll(async () => {
  ctx = await createTestApp();
  const [s1, s2] = ctx.seed.tree.streets;
  const [c1, c2] = s1!.communities;
  const c3 = s2!.communities[0]!;
  nodes = [c1!.grids[0]!.id, c1!.id, c1!.grids[1]!.id, c2!.id, c3.id];
  communities = [c1!.id, c2!.id, c3.id];
  for (const r of ROLES) sessions.set(r, await loginAs(ctx.app, r));
  admin = sessions.get('admin')!;
});
afterAll(async () => {
  await ctx.close();
});

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

/** A planned meeting with one invited unit, and a held one with an open resolution, both made by the district admin. */
async function fixture(nodeId: number) {
  const make = async (title: string) =>
    (
      await call(admin, 'POST', '/api/meetings', {
        nodeId,
        type: 'neighbourhood_talk',
        title,
        startsAt: '2026-04-01T19:00:00+08:00',
        place: '驿站',
      })
    ).json().data.id as number;
  const meetingId = await make('恳谈会');
  await call(admin, 'POST', `/api/meetings/${meetingId}/invitees`, { units: ['物业公司'] });
  const inviteeId = (await call(admin, 'GET', `/api/meetings/${meetingId}`)).json().data.invitees[0].id as number;
  const heldId = await make('已召开的恳谈会');
  await call(admin, 'PUT', `/api/meetings/${heldId}/minutes`, { minutes: '纪要' });
  const resolutionId = (
    await call(admin, 'POST', `/api/meetings/${heldId}/resolutions`, {
      text: '清理楼道',
      ownerName: '物业',
      dueOn: '2026-05-01',
    })
  ).json().data.id as number;
  return { meetingId, inviteeId, resolutionId };
}

type Codes = [number, number, number, number, number];
const ALL_404: Codes = [404, 404, 404, 404, 404];
// 'ok' rows: 0 stands for the action's success status.
const READ: Record<Role, Codes> = {
  admin: [200, 200, 200, 200, 200],
  street: [200, 200, 200, 200, 404],
  secretary: [200, 200, 200, 404, 404],
  staff: [200, 200, 200, 404, 404],
  gridworker: [200, 404, 404, 404, 404],
  leader: ALL_404,
  member: ALL_404,
  volunteer: ALL_404,
  resident: ALL_404,
  dept: ALL_404,
  property: ALL_404,
  counit: ALL_404,
};
const CREATE: Record<Role, Codes> = {
  admin: [201, 201, 201, 201, 201],
  street: [201, 201, 201, 201, 404],
  secretary: [201, 201, 201, 404, 404],
  staff: [201, 201, 201, 404, 404],
  gridworker: [403, 404, 404, 404, 404],
  leader: ALL_404,
  member: [403, 404, 404, 404, 404],
  volunteer: [403, 403, 403, 404, 404],
  resident: ALL_404,
  dept: [403, 403, 403, 403, 404],
  property: [403, 403, 403, 404, 404],
  counit: [403, 403, 403, 404, 404],
};
/** Agenda, invitations, attendance, minutes, resolutions: the meeting must be visible (404) and the role must write (403). */
const WRITE: Record<Role, Codes> = {
  admin: [0, 0, 0, 0, 0],
  street: [0, 0, 0, 0, 404],
  secretary: [0, 0, 0, 404, 404],
  staff: [0, 0, 0, 404, 404],
  gridworker: [403, 404, 404, 404, 404],
  leader: ALL_404,
  member: ALL_404,
  volunteer: ALL_404,
  resident: ALL_404,
  dept: ALL_404,
  property: ALL_404,
  counit: ALL_404,
};
const ok = (codes: Codes, success: number) => codes.map((c) => c || success);

describe('meetings: role × scope × action', () => {
  it.each(ROLES)('%s', async (role) => {
    const s = sessions.get(role)!;
    const got: Record<string, number[]> = {
      read: [],
      create: [],
      agenda: [],
      invite: [],
      attendance: [],
      minutes: [],
      resolution: [],
      complete: [],
    };
    for (const nodeId of nodes) {
      const f = await fixture(nodeId);
      const m = `/api/meetings/${f.meetingId}`;
      got.read!.push((await call(s, 'GET', m)).statusCode);
      got.create!.push(
        (
          await call(s, 'POST', '/api/meetings', {
            nodeId,
            type: 'joint',
            title: '联席会议',
            startsAt: '2026-04-02T09:00:00+08:00',
            place: '会议室',
          })
        ).statusCode,
      );
      got.agenda!.push((await call(s, 'POST', `${m}/agenda`, { source: 'typed', title: '加装电梯' })).statusCode);
      got.invite!.push((await call(s, 'POST', `${m}/invitees`, { units: ['共建单位'] })).statusCode);
      got.attendance!.push(
        (await call(s, 'POST', `${m}/attendance`, { marks: [{ inviteeId: f.inviteeId, attendance: 'signed_in' }] }))
          .statusCode,
      );
      got.minutes!.push((await call(s, 'PUT', `${m}/minutes`, { minutes: '议定事项' })).statusCode);
      got.resolution!.push(
        (await call(s, 'POST', `${m}/resolutions`, { text: '三日内答复', ownerName: '王主任', dueOn: '2026-04-05' }))
          .statusCode,
      );
      got.complete!.push(
        (await call(s, 'POST', `/api/resolutions/${f.resolutionId}/complete`, { note: '已办结' })).statusCode,
      );
    }
    expect(got).toEqual({
      read: READ[role],
      create: CREATE[role],
      agenda: ok(WRITE[role], 201),
      invite: ok(WRITE[role], 200),
      attendance: ok(WRITE[role], 200),
      minutes: ok(WRITE[role], 200),
      resolution: ok(WRITE[role], 201),
      complete: ok(WRITE[role], 200),
    });
  });
});

type Three = [number, number, number];
const D_CREATE: Record<Role, Three> = {
  admin: [201, 201, 201],
  street: [201, 201, 404],
  secretary: [201, 404, 404],
  staff: [201, 404, 404],
  gridworker: [404, 404, 404],
  leader: [404, 404, 404],
  member: [404, 404, 404],
  volunteer: [403, 404, 404],
  resident: [404, 404, 404],
  dept: [403, 403, 404],
  property: [403, 404, 404],
  counit: [403, 404, 404],
};
/** Reading a record and recording its next step: only meeting staff covering the community. */
const D_SEEN: Record<Role, Three> = {
  admin: [1, 1, 1],
  street: [1, 1, 0],
  secretary: [1, 0, 0],
  staff: [1, 0, 0],
  gridworker: [0, 0, 0],
  leader: [0, 0, 0],
  member: [0, 0, 0],
  volunteer: [0, 0, 0],
  resident: [0, 0, 0],
  dept: [0, 0, 0],
  property: [0, 0, 0],
  counit: [0, 0, 0],
};
/** The public page: anyone living or working in the community, or covering it. */
const PUBLIC: Record<Role, Three> = {
  admin: [200, 200, 200],
  street: [200, 200, 404],
  secretary: [200, 404, 404],
  staff: [200, 404, 404],
  gridworker: [200, 404, 404],
  leader: [200, 404, 404],
  member: [200, 404, 404],
  volunteer: [200, 404, 404],
  resident: [200, 404, 404],
  dept: [200, 200, 404],
  property: [200, 404, 404],
  counit: [200, 404, 404],
};

describe('四议两公开: role × scope × action', () => {
  it.each(ROLES)('%s', async (role) => {
    const s = sessions.get(role)!;
    const got: Record<string, number[]> = { create: [], read: [], step: [], publicPage: [] };
    for (const communityId of communities) {
      const did = (
        await call(admin, 'POST', '/api/decisions', { communityId, title: '停车位改造', summary: '新增车位' })
      ).json().data.id;
      got.create!.push(
        (await call(s, 'POST', '/api/decisions', { communityId, title: '加装电梯', summary: '多层住宅加装电梯' }))
          .statusCode,
      );
      got.read!.push((await call(s, 'GET', `/api/decisions/${did}`)).statusCode);
      got.step!.push(
        (await call(s, 'POST', `/api/decisions/${did}/steps`, { kind: 'proposal', note: '党组织提议' })).statusCode,
      );
      got.publicPage!.push((await call(s, 'GET', `/api/communities/${communityId}/public`)).statusCode);
    }
    expect(got).toEqual({
      create: D_CREATE[role],
      read: D_SEEN[role].map((v) => (v ? 200 : 404)),
      step: D_SEEN[role].map((v) => (v ? 200 : 404)),
      publicPage: PUBLIC[role],
    });
  });
});

describe('meeting lists', () => {
  const LISTS = [
    '/api/meetings',
    '/api/resolutions',
    '/api/decisions',
    '/api/meetings/attendance-stats',
    '/api/meetings/agenda-cases',
  ];
  it.each(ROLES)('%s gets the lists of their scope only when they may read meetings', async (role) => {
    const s = sessions.get(role)!;
    const readers = new Set(['admin', 'street', 'secretary', 'staff', 'gridworker']);
    const writers = new Set(['admin', 'street', 'secretary', 'staff']);
    const codes = [];
    for (const url of LISTS) codes.push((await call(s, 'GET', url)).statusCode);
    const expected = LISTS.map((url) => ((url.endsWith('agenda-cases') ? writers : readers).has(role) ? 200 : 403));
    expect(codes).toEqual(expected);
  });

  it("keeps other communities' meetings out of a secretary's list", async () => {
    const other = await fixture(nodes[3]!);
    const own = await fixture(nodes[0]!);
    const ids = (await call(sessions.get('secretary')!, 'GET', '/api/meetings?pageSize=200'))
      .json()
      .data.map((m: { id: number }) => m.id);
    expect(ids).toContain(own.meetingId);
    expect(ids).not.toContain(other.meetingId);
  });
});

describe('live updates', () => {
  it('announces meeting and 四议两公开 changes to staff covering them, in the same transaction as the change', async () => {
    const secretary = sessions.get('secretary')!;
    const before = Number((await ctx.pool.query(`select coalesce(max(id), 0) as n from live_events`)).rows[0].n);
    const m = (
      await call(secretary, 'POST', '/api/meetings', {
        nodeId: nodes[0],
        type: 'party_members',
        title: '党员大会',
        startsAt: '2026-04-03T09:00:00+08:00',
        place: '网格站',
      })
    ).json().data;
    await call(secretary, 'PUT', `/api/meetings/${m.id}/minutes`, { minutes: '纪要' });
    // A refused change (no write right) announces nothing.
    await call(sessions.get('gridworker')!, 'PUT', `/api/meetings/${m.id}/minutes`, { minutes: '越权' });
    const { rows } = await ctx.pool.query(
      `select topic, scope_path, user_id, payload from live_events where id > $1 order by id`,
      [before],
    );
    const gridPath = (await ctx.pool.query(`select path from org_nodes where id = $1`, [nodes[0]])).rows[0].path;
    expect(rows).toEqual([
      {
        topic: 'meeting.changed',
        scope_path: gridPath,
        user_id: null,
        payload: { targetType: 'meeting', targetId: m.id, action: 'meetings.create' },
      },
      {
        topic: 'meeting.changed',
        scope_path: gridPath,
        user_id: null,
        payload: { targetType: 'meeting', targetId: m.id, action: 'meetings.minutes' },
      },
    ]);
  });

  it('refuses a resolution owner from another street', async () => {
    const f = await fixture(nodes[1]!);
    await call(admin, 'PUT', `/api/meetings/${f.meetingId}/minutes`, { minutes: '纪要' });
    const {
      rows: [outsider],
    } = await ctx.pool.query(
      `select u.id from users u join org_nodes n on n.id = u.scope_node_id where n.path like $1 limit 1`,
      [`${ctx.seed.tree.streets[1]!.path}%`],
    );
    const res = await call(admin, 'POST', `/api/meetings/${f.meetingId}/resolutions`, {
      text: '跟进',
      ownerUserId: outsider.id,
      ownerName: '外街道人员',
      dueOn: '2026-05-01',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('ownerUserId');
  });
});
