import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentityNumber } from '../../platform/demo-data/identity-number.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { seedCommunityLifeFor } from './test-seed.ts';
import { ROLES, BROWSE, CREATE, MANAGE, BOOK, PICK, SEE, HANDLE, OWNER } from './testing/matrix-expectations.ts';

/**
 * Role × scope × action matrix of one-stop services. Catalogue rows: own community, another
 * community of the street, a community of the other street. Booking rows: the resident's own
 * booking, a booking elsewhere in the same grid, in another grid of the community, in another
 * community, in the other street.
 */
let ctx: TestContext;
const sessions = new Map<string, Session>();
const ids = new Map<string, number>();
let communities: number[];
/** Per community row: a proxy-able item and the station. */
let items: number[];
let stations: number[];
/** Per booking row: the place of the booking (resident's building … other street) and its community's item. */
let bookingRows: { path: string; itemId: number; communityId: number }[];
/** Per community row: a registered resident (people module) living in its first grid. */
let persons: number[];

const call = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
const nodePath = async (id: number) =>
  (await ctx.pool.query(`select path from org_nodes where id = $1`, [id])).rows[0].path as string;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedCommunityLifeFor(ctx);
  for (const r of ROLES) sessions.set(r, await loginAs(ctx.app, r));
  for (const row of (await ctx.pool.query(`select id, username from users where username = any($1)`, [ROLES])).rows)
    ids.set(row.username, row.id);
  const [s1, s2] = ctx.seed.tree.streets;
  const [c1, c2] = s1!.communities;
  const c3 = s2!.communities[0]!;
  communities = [c1!.id, c2!.id, c3.id];
  const first = async (sql: string, id: number) => (await ctx.pool.query(sql, [id])).rows[0].id as number;
  items = await Promise.all(
    communities.map((c) => first(`select id from service_items where community_id = $1 and name = '老年优待证'`, c)),
  );
  stations = await Promise.all(
    communities.map((c) => first(`select id from service_stations where community_id = $1 order by id limit 1`, c)),
  );
  const g1 = c1!.grids[0]!;
  const places = [g1.buildingIds[0]!, g1.buildingIds[1]!, c1!.grids[1]!.id, c2!.grids[0]!.id, c3.grids[0]!.id];
  const communityOf = [0, 0, 0, 1, 2];
  bookingRows = await Promise.all(
    places.map(async (id, i) => ({
      path: await nodePath(id),
      itemId: items[communityOf[i]!]!,
      communityId: communities[communityOf[i]!]!,
    })),
  );
  const admin = sessions.get('admin')!;
  persons = [];
  for (const [i, c] of [c1!, c2!, c3].entries()) {
    const {
      rows: [house],
    } = await ctx.pool.query(`select id from org_nodes where level = 'house' and path like $1 order by id limit 1`, [
      `${c.grids[0]!.path}%`,
    ]);
    const res = await call(admin, 'POST', '/api/people/residents', {
      name: ['张秀兰', '李建国', '王桂英'][i],
      idNumber: makeIdentityNumber(ctx.seed.tree.district.code, { y: 1940, m: 3, d: 12 + i }, 100 + i, 'female'),
      phone: `1390000${String(1234 + i).padStart(4, '0')}`,
      houseId: house.id,
      residenceType: '户籍',
    });
    expect(res.statusCode).toBe(201);
    persons.push(res.json().data.id);
  }
});
afterAll(async () => {
  await ctx.close();
});

/** A booking row written straight into the table in the given state (the API is what is tested). */
async function booking(
  row: number,
  status: 'submitted' | 'received' | 'completed',
  responsible: number | null = null,
): Promise<number> {
  const b = bookingRows[row]!;
  const own = row === 0;
  const {
    rows: [r],
  } = await ctx.pool.query(
    `insert into bookings (mode, service_item_id, resident_user_id, person_id, beneficiary_name, requested_by, community_id, scope_path, status, responsible_user_id)
     values ('proxy', $1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      b.itemId,
      own ? ids.get('resident') : null,
      own ? null : persons[0],
      own ? null : '张秀兰',
      own ? ids.get('resident') : 0,
      b.communityId,
      b.path,
      status,
      responsible,
    ],
  );
  return r.id;
}

const ok = (codes: number[], success: number) => codes.map((c) => c || success);

async function freeSlot(stationId: number): Promise<number> {
  const { rows } = await ctx.pool.query(
    `select id from service_slots where station_id = $1 and starts_at > now() + interval '1 hour' and booked = 0 order by starts_at limit 1`,
    [stationId],
  );
  // The other street's station has no open slots: nobody may book there, so any slot id serves.
  return rows[0]?.id ?? 1;
}

describe('services catalogue: role × scope × action', () => {
  it.each(ROLES)('%s', async (role) => {
    const s = sessions.get(role)!;
    const got: Record<string, number[]> = {
      browse: [],
      slots: [],
      createItem: [],
      createStation: [],
      updateItem: [],
      updateStation: [],
      openSlots: [],
      manageView: [],
      book: [],
      picker: [],
      proxyPerson: [],
    };
    for (const [i, communityId] of communities.entries()) {
      got.browse!.push((await call(s, 'GET', `/api/services/catalogue?communityId=${communityId}`)).statusCode);
      got.slots!.push((await call(s, 'GET', `/api/services/stations/${stations[i]}/slots`)).statusCode);
      got.createItem!.push(
        (
          await call(s, 'POST', '/api/services/items', {
            communityId,
            kind: 'affairs',
            name: `独生子女证明（${role}）`,
            departmentName: '卫健委',
            materials: ['身份证'],
            timeLimitDays: 3,
            whereWhen: '驿站',
          })
        ).statusCode,
      );
      got.createStation!.push(
        (
          await call(s, 'POST', '/api/services/stations', {
            communityId,
            name: `${role}驿站`,
            address: '小区会所',
            openingHours: [{ weekday: 2, open: '09:00', close: '11:00' }],
            slotMinutes: 30,
            capacityPerSlot: 2,
          })
        ).statusCode,
      );
      got.updateItem!.push(
        (await call(s, 'PATCH', `/api/services/items/${items[i]}`, { fee: '工本费 10 元' })).statusCode,
      );
      got.updateStation!.push(
        (await call(s, 'PATCH', `/api/services/stations/${stations[i]}`, { capacityPerSlot: 3 })).statusCode,
      );
      got.openSlots!.push(
        (await call(s, 'POST', `/api/services/stations/${stations[i]}/slots`, { from: '2030-01-07', days: 1 }))
          .statusCode,
      );
      got.manageView!.push(
        (await call(s, 'GET', `/api/services/manage/catalogue?communityId=${communityId}`)).statusCode,
      );
      got.book!.push(
        (
          await call(s, 'POST', '/api/services/bookings', {
            mode: 'visit',
            serviceItemId: items[i],
            slotId: await freeSlot(stations[i]!),
          })
        ).statusCode,
      );
      got.picker!.push(
        (
          await call(
            s,
            'GET',
            `/api/services/residents?communityId=${communityId}&q=${encodeURIComponent(['张秀兰', '李建国', '王桂英'][i]!)}`,
          )
        ).statusCode,
      );
      got.proxyPerson!.push(
        (
          await call(s, 'POST', '/api/services/bookings', {
            mode: 'proxy',
            serviceItemId: items[i],
            personId: persons[i],
            note: '老人行动不便，电话申请代办',
          })
        ).statusCode,
      );
    }
    expect(got).toEqual({
      browse: BROWSE[role],
      slots: BROWSE[role],
      createItem: CREATE[role],
      createStation: CREATE[role],
      updateItem: ok(MANAGE[role], 200),
      updateStation: ok(MANAGE[role], 200),
      openSlots: ok(MANAGE[role], 200),
      manageView: ok(MANAGE[role], 200),
      book: BOOK[role],
      picker: ok(PICK[role], 200),
      proxyPerson: ok(PICK[role], 201),
    });
  });
});

describe('bookings: role × scope × action', () => {
  it.each(ROLES)('%s', async (role) => {
    const s = sessions.get(role)!;
    const me = ids.get(role)!;
    const colleague = role === 'staff' ? ids.get('secretary')! : ids.get('staff')!;
    const got: Record<string, number[]> = { read: [], receive: [], handover: [], complete: [], cancel: [], rate: [] };
    for (let row = 0; row < bookingRows.length; row++) {
      got.read!.push((await call(s, 'GET', `/api/services/bookings/${await booking(row, 'submitted')}`)).statusCode);
      got.receive!.push(
        (await call(s, 'POST', `/api/services/bookings/${await booking(row, 'submitted')}/receive`)).statusCode,
      );
      got.handover!.push(
        (
          await call(s, 'POST', `/api/services/bookings/${await booking(row, 'received', me)}/handover`, {
            toUserId: colleague,
            note: '涉及审批，移交',
          })
        ).statusCode,
      );
      got.complete!.push(
        (
          await call(s, 'POST', `/api/services/bookings/${await booking(row, 'received', me)}/complete`, {
            note: '已办结',
          })
        ).statusCode,
      );
      got.cancel!.push(
        (await call(s, 'POST', `/api/services/bookings/${await booking(row, 'submitted')}/cancel`)).statusCode,
      );
      got.rate!.push(
        (await call(s, 'POST', `/api/services/bookings/${await booking(row, 'completed')}/rate`, { rating: 5 }))
          .statusCode,
      );
    }
    expect(got).toEqual({
      read: ok(SEE[role], 200),
      receive: ok(HANDLE[role], 200),
      handover: ok(HANDLE[role], 200),
      complete: ok(HANDLE[role], 200),
      cancel: ok(OWNER[role], 200),
      rate: ok(OWNER[role], 200),
    });
  });
});

describe('resident picker for proxy bookings', () => {
  it('finds residents of the community by name or the last 4 digits of their phone, masked, and books for them', async () => {
    const staff = sessions.get('staff')!;
    const byPhone = (await call(staff, 'GET', '/api/services/residents?q=1234')).json().data;
    expect(byPhone).toEqual([
      expect.objectContaining({ id: persons[0], name: '张秀兰', phoneMasked: expect.stringContaining('****') }),
    ]);
    expect(JSON.stringify(byPhone)).not.toContain('13900001234');
    expect(byPhone[0].idNumberMasked).toMatch(/\*{4,}/);
    // Residents of another community are not found, whatever the term.
    expect((await call(staff, 'GET', '/api/services/residents?q=李建国')).json().data).toEqual([]);
    const b = (
      await call(staff, 'POST', '/api/services/bookings', {
        mode: 'proxy',
        serviceItemId: items[0],
        personId: persons[0],
        note: '代办老年优待证',
      })
    ).json().data;
    expect(b).toMatchObject({
      residentUserId: null,
      personId: persons[0],
      beneficiaryName: '张秀兰',
      requestedBy: ids.get('staff'),
    });
    const inbox = (
      await call(sessions.get('secretary')!, 'GET', '/api/services/bookings?status=submitted&pageSize=200')
    ).json().data;
    expect(inbox.find((x: { id: number }) => x.id === b.id)).toMatchObject({ residentName: '张秀兰', mode: 'proxy' });
    const wrong = await call(staff, 'POST', '/api/services/bookings', {
      mode: 'proxy',
      serviceItemId: items[0],
      personId: persons[1],
      note: '外社区居民',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details[0].path).toBe('personId');
  });

  it('announces bookings live to the handlers covering the resident and to the resident', async () => {
    const resident = sessions.get('resident')!;
    const before = Number((await ctx.pool.query(`select coalesce(max(id), 0) as n from live_events`)).rows[0].n);
    const b = (
      await call(resident, 'POST', '/api/services/bookings', { mode: 'proxy', serviceItemId: items[0], note: '请代办' })
    ).json().data;
    await call(sessions.get('staff')!, 'POST', `/api/services/bookings/${b.id}/receive`);
    const { rows } = await ctx.pool.query(
      `select topic, scope_path, user_id, payload from live_events where id > $1 order by id`,
      [before],
    );
    expect(rows.map((r) => [r.topic, r.scope_path ? 'scope' : 'user', r.payload.action])).toEqual([
      ['booking.changed', 'scope', 'submitted'],
      ['booking.changed', 'user', 'submitted'],
      ['booking.changed', 'scope', 'receive'],
      ['booking.changed', 'user', 'receive'],
    ]);
    expect(rows[1].user_id).toBe(ids.get('resident'));
  });
});
