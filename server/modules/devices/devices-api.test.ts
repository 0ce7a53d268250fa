import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';

let ctx: TestContext;
let ownBuilding: number;
let ownGridOtherBuilding: number;
let otherStreetBuilding: number;
let seq = 0;

beforeAll(async () => {
  ctx = await createTestApp();
  const c1 = ctx.seed.tree.streets[0]!.communities[0]!;
  ownBuilding = c1.grids[0]!.buildingIds[0]!;
  ownGridOtherBuilding = c1.grids[1]!.buildingIds[0]!;
  otherStreetBuilding = ctx.seed.tree.streets[1]!.communities[0]!.grids[0]!.buildingIds[0]!;
});
afterAll(async () => {
  await ctx.close();
});

const register = (s: Session, nodeId: number, extra: Record<string, unknown> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/devices',
    headers: s.headers,
    payload: { code: `SMK-T${++seq}`, kind: 'smoke', name: '3幢楼道烟感', nodeId, ...extra },
  });

// POST /api/devices at a building in the demo grid, and at one in the other street.
const REGISTER: [string, number, number][] = [
  ['admin', 201, 201],
  ['street', 201, 404],
  ['secretary', 201, 404],
  ['staff', 201, 404],
  ['gridworker', 403, 403],
  ['leader', 403, 403],
  ['member', 403, 403],
  ['volunteer', 403, 403],
  ['resident', 403, 403],
  ['dept', 403, 403],
  ['property', 403, 403],
  ['counit', 403, 403],
];

describe('who may register a device where', () => {
  it.each(REGISTER)('%s: own street %i, other street %i', async (username, own, other) => {
    const s = await loginAs(ctx.app, username);
    expect((await register(s, ownBuilding)).statusCode).toBe(own);
    expect((await register(s, otherStreetBuilding)).statusCode).toBe(other);
  });
});

describe('who sees which devices', () => {
  it('lists a grid worker only the devices of their grid, staff those of their community, others get 403', async () => {
    const secretary = await loginAs(ctx.app, 'secretary');
    const mine = (await register(secretary, ownBuilding)).json().data;
    const neighbour = (await register(secretary, ownGridOtherBuilding)).json().data;
    const codes = async (username: string) => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: '/api/devices?pageSize=100',
        headers: (await loginAs(ctx.app, username)).headers,
      });
      return res.statusCode === 200 ? res.json().data.map((d: { code: string }) => d.code) : res.statusCode;
    };
    expect(await codes('gridworker')).toContain(mine.code);
    expect(await codes('gridworker')).not.toContain(neighbour.code);
    expect(await codes('staff')).toEqual(expect.arrayContaining([mine.code, neighbour.code]));
    for (const username of ['resident', 'dept', 'property', 'counit', 'member'])
      expect(await codes(username)).toBe(403);
  });

  it('gives a device the building’s position and full address, and records who registered it', async () => {
    const staff = await loginAs(ctx.app, 'staff');
    const device = (await register(staff, ownBuilding)).json().data;
    const [building] = (await ctx.pool.query('select lng, lat, name from org_nodes where id = $1', [ownBuilding])).rows;
    expect([device.lng, device.lat]).toEqual([building.lng, building.lat]);
    expect(device.address).toContain(building.name);
    const [audit] = (
      await ctx.pool.query(`select action from audit_log where target_type = 'device' and target_id = $1`, [
        String(device.id),
      ])
    ).rows;
    expect(audit.action).toBe('devices.register');
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['a code with spaces', { code: 'SMK 1' }, 'code'],
    ['an unknown kind', { kind: 'doorbell' }, 'kind'],
    ['a one-character name', { name: '烟' }, 'name'],
    ['a longitude without latitude', { lng: 120.6 }, 'lat'],
  ])('refuses %s naming the field', async (_label, patch, field) => {
    const staff = await loginAs(ctx.app, 'staff');
    const before = (await ctx.pool.query('select count(*)::int as n from devices')).rows[0].n;
    const res = await register(staff, ownBuilding, patch);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    expect((await ctx.pool.query('select count(*)::int as n from devices')).rows[0].n).toBe(before);
  });

  it('refuses a grid or community as the place (422) and a second device with the same code (409)', async () => {
    const staff = await loginAs(ctx.app, 'staff');
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!.id;
    const res = await register(staff, grid);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('楼栋或房屋');
    const first = await register(staff, ownBuilding, { code: 'GAS-DUP-1' });
    expect(first.statusCode).toBe(201);
    const again = await register(staff, ownBuilding, { code: 'GAS-DUP-1' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('GAS-DUP-1');
  });
});
