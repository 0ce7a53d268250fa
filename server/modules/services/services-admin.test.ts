import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { seedCommunityLifeFor } from './test-seed.ts';

let ctx: TestContext;
let staff: Session;
let resident: Session;
let communityId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedCommunityLifeFor(ctx);
  [staff, resident] = await Promise.all([loginAs(ctx.app, 'staff'), loginAs(ctx.app, 'resident')]);
  communityId = ctx.seed.tree.streets[0]!.communities[0]!.id;
});
afterAll(async () => {
  await ctx.close();
});

const send = (s: Session, method: 'POST' | 'PATCH', url: string, payload: object) =>
  ctx.app.inject({ method, url, headers: s.headers, payload });
const get = (s: Session, url: string) => ctx.app.inject({ method: 'GET', url, headers: s.headers });

describe('catalogue administration', () => {
  it('changes only the fields given, withdraws an item from the residents’ catalogue and keeps it in the admin view', async () => {
    const created = await send(staff, 'POST', '/api/services/items', {
      communityId,
      kind: 'affairs',
      name: '独生子女父母光荣证',
      departmentName: '卫健委',
      materials: ['身份证', '结婚证'],
      timeLimitDays: 10,
      fee: '免费',
      whereWhen: '驿站一楼',
      proxy: true,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().data.id;
    const patched = (await send(staff, 'PATCH', `/api/services/items/${id}`, { timeLimitDays: 5 })).json().data;
    expect(patched).toMatchObject({
      timeLimitDays: 5,
      fee: '免费',
      proxy: true,
      materials: ['身份证', '结婚证'],
      active: true,
    });
    expect((await send(staff, 'PATCH', `/api/services/items/${id}`, { name: '证明开具' })).statusCode).toBe(409);
    await send(staff, 'PATCH', `/api/services/items/${id}`, { active: false });
    const residentView = (await get(resident, '/api/services/catalogue'))
      .json()
      .data.items.map((i: { id: number }) => i.id);
    expect(residentView).not.toContain(id);
    const adminView = (await get(staff, `/api/services/manage/catalogue?communityId=${communityId}`)).json().data.items;
    expect(adminView.find((i: { id: number }) => i.id === id)).toMatchObject({ active: false });
    const book = await send(resident, 'POST', '/api/services/bookings', {
      mode: 'proxy',
      serviceItemId: id,
      note: '代办',
    });
    expect(book.statusCode).toBe(422);
  });

  it('opens slots from a station’s new hours and capacity, keeping slots already open', async () => {
    const station = (
      await send(staff, 'POST', '/api/services/stations', {
        communityId,
        name: '三号楼睦邻点',
        address: '三号楼架空层',
        openingHours: [{ weekday: 3, open: '09:00', close: '10:00' }],
        slotMinutes: 30,
        capacityPerSlot: 2,
      })
    ).json().data;
    // 2030-01-02 is a Wednesday: 09:00 and 09:30.
    expect(
      (await send(staff, 'POST', `/api/services/stations/${station.id}/slots`, { from: '2030-01-02', days: 1 })).json()
        .data.opened,
    ).toBe(2);
    const changed = await send(staff, 'PATCH', `/api/services/stations/${station.id}`, {
      openingHours: [{ weekday: 3, open: '09:00', close: '11:00' }],
      capacityPerSlot: 5,
    });
    expect(changed.json().data).toMatchObject({ capacityPerSlot: 5, slotMinutes: 30, name: '三号楼睦邻点' });
    expect(
      (await send(staff, 'POST', `/api/services/stations/${station.id}/slots`, { from: '2030-01-02', days: 1 })).json()
        .data.opened,
    ).toBe(2);
    const { rows } = await ctx.pool.query(
      `select capacity from service_slots where station_id = $1 order by starts_at`,
      [station.id],
    );
    expect(rows.map((r) => r.capacity)).toEqual([2, 2, 5, 5]);
    const bad = await send(staff, 'PATCH', `/api/services/stations/${station.id}`, {
      openingHours: [{ weekday: 3, open: '11:00', close: '10:00' }],
    });
    expect(bad.statusCode).toBe(422);
  });
});
