import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { notifyDeliveries } from './schema.ts';
import { MANAGE_CREATE, MANAGE_LIST, RESEND, ROLES, SUBSCRIBE } from './testing/matrix-expectations.ts';

/** Role × scope × action matrix of the notify routes (expected statuses in testing/matrix-expectations.ts). */
let ctx: TestContext;
const sessions = new Map<string, Session>();
let areaNodes: number[];
let c1Path: string;
let otherStreetPath: string;

const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  ctx = await createTestApp();
  for (const r of ROLES) sessions.set(r, await loginAs(ctx.app, r));
  const [s1, s2] = ctx.seed.tree.streets;
  const [c1, c2] = s1!.communities;
  const c3 = s2!.communities[0]!;
  areaNodes = [c1!.grids[0]!.id, c1!.id, c2!.id, c3.id];
  c1Path = c1!.path;
  otherStreetPath = c3.path;
});
afterAll(async () => {
  await ctx.close();
});

describe.each(ROLES)('%s', (role) => {
  it('reads and saves their own notice settings', async () => {
    const s = sessions.get(role)!;
    const got = await call(s, 'GET', '/api/notify/preferences');
    expect(got.statusCode).toBe(200);
    expect(got.json().data.available).toEqual([]);
    const saved = await call(s, 'PUT', '/api/notify/preferences', {
      email: 'a@example.cn',
      phone: null,
      quietEnabled: true,
      quietStart: '22:00',
      quietEnd: '07:00',
      choices: [],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // A channel this server has no configuration for cannot be chosen.
    const unconfigured = await call(s, 'PUT', '/api/notify/preferences', {
      ...saved.json().data,
      available: undefined,
      choices: [{ topic: 'task', channel: 'email' }],
    });
    expect(unconfigured.statusCode).toBe(422);
    expect(unconfigured.json().error.details[0].path).toBe('choices.0.channel');
  });

  it('subscribes to areas within what they may see', async () => {
    const s = sessions.get(role)!;
    const statuses = [];
    for (const nodeId of areaNodes)
      statuses.push((await call(s, 'POST', '/api/notify/areas', { nodeId, onNew: true, onClosed: false })).statusCode);
    expect(statuses).toEqual(SUBSCRIBE[role]);
  });

  it('manages webhooks and reads the send log only as an administrator', async () => {
    const s = sessions.get(role)!;
    expect((await call(s, 'GET', '/api/notify/webhooks')).statusCode).toBe(MANAGE_LIST[role]);
    expect((await call(s, 'GET', '/api/notify/deliveries')).statusCode).toBe(MANAGE_LIST[role]);
    const created = await call(s, 'POST', '/api/notify/webhooks', {
      name: `${role} 接收方`,
      url: 'https://hooks.example.cn/gridhive',
      kinds: ['case.created'],
    });
    expect(created.statusCode).toBe(MANAGE_CREATE[role]);
  });

  it('re-sends dead letters of their own area only', async () => {
    const s = sessions.get(role)!;
    const dead = await ctx.db
      .insert(notifyDeliveries)
      .values(
        [c1Path, otherStreetPath].map((scopePath) => ({
          channel: 'webhook' as const,
          recipientMasked: '接收方',
          kind: 'case.created',
          subject: 'case.created',
          body: '{}',
          scopePath,
          status: 'dead' as const,
          attempts: 5,
        })),
      )
      .returning({ id: notifyDeliveries.id });
    const statuses = [];
    for (const d of dead) statuses.push((await call(s, 'POST', `/api/notify/deliveries/${d.id}/resend`)).statusCode);
    expect(statuses).toEqual(RESEND[role]);
  });
});

describe('webhook subscribers stay within their area', () => {
  it("a street administrator neither sees nor changes the district's subscriber", async () => {
    const admin = sessions.get('admin')!;
    const street = sessions.get('street')!;
    const district = (await call(admin, 'GET', '/api/notify/webhooks'))
      .json()
      .data.find((w: { name: string }) => w.name === 'admin 接收方');
    const seen = (await call(street, 'GET', '/api/notify/webhooks')).json().data.map((w: { name: string }) => w.name);
    expect(seen).toEqual(['street 接收方']);
    const body = { name: '改名', url: 'https://hooks.example.cn/x', kinds: ['case.closed'], active: false };
    expect((await call(street, 'PUT', `/api/notify/webhooks/${district.id}`, body)).statusCode).toBe(404);
    expect((await call(street, 'DELETE', `/api/notify/webhooks/${district.id}`)).statusCode).toBe(404);
    expect((await call(admin, 'PUT', `/api/notify/webhooks/${district.id}`, body)).statusCode).toBe(200);
    expect((await call(admin, 'DELETE', `/api/notify/webhooks/${district.id}`)).statusCode).toBe(204);
  });

  it('refuses a webhook without an event kind or with a non-http URL (422, field named)', async () => {
    const admin = sessions.get('admin')!;
    const none = await call(admin, 'POST', '/api/notify/webhooks', { name: 'x', url: 'https://a.cn', kinds: [] });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.details[0].path).toBe('kinds');
    const ftp = await call(admin, 'POST', '/api/notify/webhooks', {
      name: 'x',
      url: 'ftp://a.cn/x',
      kinds: ['case.created'],
    });
    expect(ftp.statusCode).toBe(422);
    expect(ftp.json().error.details[0].path).toBe('url');
  });
});
