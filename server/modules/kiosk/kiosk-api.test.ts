import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../contracts/roles.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { freeSlot, kioskWorld } from './testing/kiosk-fixture.ts';

let ctx: TestContext;
let kiosk: Session;
let who: Awaited<ReturnType<typeof kioskWorld>>;

beforeAll(async () => {
  ctx = await createTestApp();
  who = await kioskWorld(ctx);
  kiosk = await loginAs(ctx.app, 'kiosk');
});
afterAll(async () => {
  await ctx.close();
});

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
const identify = async () =>
  (await call(kiosk, 'POST', '/api/kiosk/identify', { idNumber: who.idNumber, phone: who.phone })).json().data
    .token as string;

describe('易办事 terminal', () => {
  it('starts with the terminal’s name, the idle reset (90 s by default) and its community', async () => {
    const start = (await call(kiosk, 'GET', '/api/kiosk/start')).json().data;
    expect(start.idleSeconds).toBe(90);
    expect(start.community.id).toBe(ctx.seed.tree.streets[0]!.communities[0]!.id);
    expect(start.terminal).toContain('易办事');
  });

  it('identifies a resident only by identity number AND phone, masking the name', async () => {
    const wrongPhone = await call(kiosk, 'POST', '/api/kiosk/identify', {
      idNumber: who.idNumber,
      phone: '13900000000',
    });
    expect(wrongPhone.statusCode).toBe(422);
    expect(wrongPhone.json().error.details[0].path).toBe('idNumber');
    const ok = await call(kiosk, 'POST', '/api/kiosk/identify', { idNumber: who.idNumber, phone: who.phone });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.nameMasked).not.toBe(who.name);
    expect(ok.json().data.nameMasked[0]).toBe(who.name[0]);
    const badFormat = await call(kiosk, 'POST', '/api/kiosk/identify', { idNumber: '123', phone: 'x' });
    expect(badFormat.statusCode).toBe(422);
  });

  it('books a slot for the identified resident through the services module and prints a receipt', async () => {
    const token = await identify();
    const cat = (await call(kiosk, 'GET', `/api/kiosk/catalogue?token=${encodeURIComponent(token)}`)).json().data;
    expect(cat.items.length).toBeGreaterThan(0);
    expect(cat.items[0].materials).toBeInstanceOf(Array);
    const slots = (
      await call(kiosk, 'GET', `/api/kiosk/stations/${cat.stations[0].id}/slots?token=${encodeURIComponent(token)}`)
    ).json().data;
    expect(slots.length).toBeGreaterThan(0);
    const slotId = await freeSlot(ctx, cat.stations[0].id);
    const res = await call(kiosk, 'POST', '/api/kiosk/bookings', { token, serviceItemId: cat.items[0].id, slotId });
    expect(res.statusCode).toBe(201);
    const receipt = res.json().data;
    expect(receipt.kind).toBe('booking');
    expect(receipt.lines.find((l: { label: string }) => l.label === '服务事项').value).toBe(cat.items[0].name);
    const [booking] = (
      await ctx.pool.query(
        `select person_id, resident_user_id, requested_by, slot_id from bookings order by id desc limit 1`,
      )
    ).rows;
    expect(booking).toMatchObject({ person_id: who.personId, resident_user_id: null, slot_id: slotId });
    const [{ booked }] = (await ctx.pool.query('select booked from service_slots where id = $1', [slotId])).rows;
    expect(booked).toBe(1);
  });

  it('refuses a forged or foreign token and writes nothing', async () => {
    const token = await identify();
    const forged = token.replace(/^\d+/, String(who.personId + 1));
    const before = (await ctx.pool.query('select count(*)::int n from bookings')).rows[0].n;
    const res = await call(kiosk, 'POST', '/api/kiosk/bookings', { token: forged, serviceItemId: 1, slotId: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('token');
    expect((await ctx.pool.query('select count(*)::int n from bookings')).rows[0].n).toBe(before);
  });

  it('files a reported problem as a case with source 自助终端', async () => {
    const token = await identify();
    const res = await call(kiosk, 'POST', '/api/kiosk/reports', {
      token,
      title: '小区路灯不亮',
      description: '3幢旁边的路灯连续三晚不亮',
      address: '3幢旁',
    });
    expect(res.statusCode).toBe(201);
    const receipt = res.json().data;
    const [row] = (
      await ctx.pool.query('select source, reporter_name, entered_by_user_id from cases where case_no = $1', [
        receipt.number,
      ])
    ).rows;
    expect(row.source).toBe('kiosk');
    expect(row.reporter_name).toBe(who.name);
  });
});

// Only a terminal account reaches the terminal's API; every other role gets 403 on each route.
describe('易办事 terminal: role × action', () => {
  it.each(ROLES.filter((r) => r !== 'kiosk'))('%s is refused everywhere', async (role) => {
    const username = {
      district_admin: 'admin',
      street_admin: 'street',
      community_secretary: 'secretary',
      community_staff: 'staff',
      grid_worker: 'gridworker',
      building_leader: 'leader',
      party_member: 'member',
      volunteer: 'volunteer',
      resident: 'resident',
      department_handler: 'dept',
      co_unit_contact: 'counit',
      property_company: 'property',
    }[role as string]!;
    const s = await loginAs(ctx.app, username);
    const codes = [
      (await call(s, 'GET', '/api/kiosk/start')).statusCode,
      (await call(s, 'POST', '/api/kiosk/identify', { idNumber: who.idNumber, phone: who.phone })).statusCode,
      (await call(s, 'GET', '/api/kiosk/catalogue')).statusCode,
      (
        await call(s, 'POST', '/api/kiosk/reports', {
          title: '路灯不亮了',
          description: '连续三晚不亮',
          address: '3幢旁',
        })
      ).statusCode,
    ];
    expect(codes).toEqual([403, 403, 403, 403]);
  });
  it('a terminal may not use the staff or resident APIs', async () => {
    expect((await call(kiosk, 'GET', '/api/people/residents')).statusCode).toBe(403);
    expect((await call(kiosk, 'GET', '/api/contact/rounds')).statusCode).toBe(403);
    expect(
      (await call(kiosk, 'POST', '/api/cases', { title: '测试问题', description: '测试描述内容', address: '某处' }))
        .statusCode,
    ).toBe(422);
  });
});
