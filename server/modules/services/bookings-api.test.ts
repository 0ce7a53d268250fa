import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { seedCommunityLifeFor } from './test-seed.ts';

let ctx: TestContext;
let resident: Session;
let staff: Session;
let secretary: Session;
let residentId: number;
let secretaryId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedCommunityLifeFor(ctx);
  [resident, staff, secretary] = await Promise.all([
    loginAs(ctx.app, 'resident'),
    loginAs(ctx.app, 'staff'),
    loginAs(ctx.app, 'secretary'),
  ]);
  const { rows } = await ctx.pool.query<{ id: number; username: string }>(
    `select id, username from users where username in ('resident','secretary')`,
  );
  residentId = rows.find((r) => r.username === 'resident')!.id;
  secretaryId = rows.find((r) => r.username === 'secretary')!.id;
});
afterAll(async () => {
  await ctx.close();
});

const send = (s: Session, url: string, payload?: object) =>
  ctx.app.inject({ method: 'POST', url, headers: s.headers, ...(payload ? { payload } : {}) });
const get = (s: Session, url: string) => ctx.app.inject({ method: 'GET', url, headers: s.headers });

async function catalogueOf(s: Session) {
  return (await get(s, '/api/services/catalogue')).json().data as {
    items: { id: number; name: string; proxy: boolean }[];
    stations: { id: number }[];
  };
}

/** A free future slot at the resident's own community station. */
async function futureSlot(): Promise<{ id: number; capacity: number }> {
  const stationId = (await catalogueOf(resident)).stations[0]!.id;
  const { rows } = await ctx.pool.query(
    `select id, capacity from service_slots where station_id = $1 and starts_at > now() + interval '1 hour' and booked = 0 order by starts_at limit 1`,
    [stationId],
  );
  return rows[0];
}

describe('GET /api/services/catalogue', () => {
  it("shows a resident their own community's items with materials and time limits", async () => {
    const cat = await catalogueOf(resident);
    expect(cat.items.map((i) => i.name)).toEqual(
      expect.arrayContaining(['证明开具', '低保申请', '喘息服务', '法律咨询（三官一师）']),
    );
    expect(cat.stations).toHaveLength(1);
    const other = ctx.seed.tree.streets[0]!.communities[1]!.id;
    expect((await get(resident, `/api/services/catalogue?communityId=${other}`)).statusCode).toBe(404);
  });
});

describe('POST /api/services/bookings', () => {
  it('never books more seats than a slot has under parallel requests', async () => {
    const cat = await catalogueOf(resident);
    const item = cat.items.find((i) => i.name === '健康体检')!;
    const slot = await futureSlot();
    const attempts = 12;
    const results = await Promise.all(
      Array.from({ length: attempts }, () =>
        send(resident, '/api/services/bookings', { mode: 'visit', serviceItemId: item.id, slotId: slot.id }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(slot.capacity);
    expect(codes.filter((c) => c === 409)).toHaveLength(attempts - slot.capacity);
    const { rows } = await ctx.pool.query(
      `select booked, (select count(*)::int from bookings where slot_id = $1) as n from service_slots where id = $1`,
      [slot.id],
    );
    expect(rows[0]).toEqual({ booked: slot.capacity, n: slot.capacity });
  });

  it('frees the seat when the resident cancels before it is received', async () => {
    const item = (await catalogueOf(resident)).items[0]!;
    const slot = await futureSlot();
    const b = (
      await send(resident, '/api/services/bookings', { mode: 'visit', serviceItemId: item.id, slotId: slot.id })
    ).json().data;
    expect((await send(resident, `/api/services/bookings/${b.id}/cancel`)).statusCode).toBe(200);
    const { rows } = await ctx.pool.query(`select booked from service_slots where id = $1`, [slot.id]);
    expect(rows[0].booked).toBe(0);
  });

  it('lets a building leader ask proxy service for a resident of their building, visible to the resident', async () => {
    const leader = await loginAs(ctx.app, 'leader');
    const item = (await catalogueOf(leader)).items.find((i) => i.name === '老年优待证')!;
    const res = await send(leader, '/api/services/bookings', {
      mode: 'proxy',
      serviceItemId: item.id,
      residentUserId: residentId,
      note: '老人行动不便，申请代办',
    });
    expect(res.statusCode).toBe(201);
    const mine = (await get(resident, '/api/services/bookings')).json().data;
    expect(mine.find((b: { id: number }) => b.id === res.json().data.id)).toMatchObject({
      mode: 'proxy',
      status: 'submitted',
    });
    expect(
      (
        await send(resident, '/api/services/bookings', {
          mode: 'proxy',
          serviceItemId: (await catalogueOf(resident)).items.find((i) => i.name === '家电维修')!.id,
          note: '代办',
        })
      ).statusCode,
    ).toBe(422);
  });
});

describe('first-contact responsibility (首问责任制)', () => {
  it('makes the first receiver responsible until an explicit handover, then the new owner completes and the resident rates', async () => {
    const item = (await catalogueOf(resident)).items.find((i) => i.name === '低保申请')!;
    const b = (
      await send(resident, '/api/services/bookings', { mode: 'proxy', serviceItemId: item.id, note: '请代为申请低保' })
    ).json().data;
    const [first, second] = await Promise.all([
      send(staff, `/api/services/bookings/${b.id}/receive`),
      send(secretary, `/api/services/bookings/${b.id}/receive`),
    ]);
    const receiver = first.statusCode === 200 ? staff : secretary;
    const other = receiver === staff ? secretary : staff;
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    expect((await send(other, `/api/services/bookings/${b.id}/complete`, { note: '越权办结' })).statusCode).toBe(403);
    expect((await send(resident, `/api/services/bookings/${b.id}/rate`, { rating: 5 })).statusCode).toBe(409);
    const otherId =
      receiver === staff
        ? secretaryId
        : (await ctx.pool.query(`select id from users where username = 'staff'`)).rows[0].id;
    const handed = await send(receiver, `/api/services/bookings/${b.id}/handover`, {
      toUserId: otherId,
      note: '涉及民政审批，移交书记',
    });
    expect(handed.json().data.responsibleUserId).toBe(otherId);
    expect(
      (await send(receiver, `/api/services/bookings/${b.id}/complete`, { note: '已移交，不能再办结' })).statusCode,
    ).toBe(403);
    expect((await send(other, `/api/services/bookings/${b.id}/complete`, { note: '材料已报民政局' })).statusCode).toBe(
      200,
    );
    expect(
      (await send(resident, `/api/services/bookings/${b.id}/rate`, { rating: 5, comment: '很及时' })).statusCode,
    ).toBe(200);
    const detail = (await get(resident, `/api/services/bookings/${b.id}`)).json().data;
    expect(detail.history.map((e: { action: string }) => e.action)).toEqual([
      'submitted',
      'receive',
      'handover',
      'complete',
      'rate',
    ]);
    expect(detail.history[2]).toMatchObject({ toUserId: otherId, note: '涉及民政审批，移交书记' });
  });

  it('refuses a handover to someone who cannot handle the booking', async () => {
    const item = (await catalogueOf(resident)).items[0]!;
    const b = (
      await send(resident, '/api/services/bookings', { mode: 'proxy', serviceItemId: item.id, note: '代办证明' })
    ).json().data;
    await send(staff, `/api/services/bookings/${b.id}/receive`);
    const res = await send(staff, `/api/services/bookings/${b.id}/handover`, {
      toUserId: residentId,
      note: '交给居民',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('toUserId');
  });
});
