import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { components } from './schema.ts';
import { houseCodesUnder, person } from './testing/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let houseA: { id: number; code: string };
let houseB: { id: number; code: string };
const ids = { stays: 0, moves: 0, tenant: 0 };

beforeAll(async () => {
  ctx = await createTestApp();
  secretary = await loginAs(ctx.app, 'secretary');
  [houseA, houseB] = (await houseCodesUnder(ctx.db, ctx.seed.tree.streets[0]!.communities[0]!.path, 2)) as [
    typeof houseA,
    typeof houseB,
  ];
  const register = async (seq: number, name: string, houseId: number) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/people/residents',
      headers: secretary.headers,
      payload: {
        name,
        idNumber: person(300 + seq),
        houseId,
        residenceType: '流动',
        relation: '户主',
        movedInOn: '2024-03-01',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data.id as number;
  };
  ids.stays = await register(1, '王芳', houseA.id);
  ids.moves = await register(2, '李强', houseA.id);
  ids.tenant = await register(3, '张伟', houseA.id);
});
afterAll(async () => {
  await ctx.close();
});

describe('house detail (GET /api/people/houses/:id)', () => {
  it('shows the address parts, facts, occupants, tenant registrations and who moved in and out', async () => {
    const put = await ctx.app.inject({
      method: 'PUT',
      url: `/api/people/houses/${houseA.id}`,
      headers: secretary.headers,
      payload: { use: '出租', areaM2: 62.5, ownerName: '赵敏' },
    });
    expect(put.statusCode, put.body).toBe(204);
    const lease = await ctx.app.inject({
      method: 'POST',
      url: `/api/people/houses/${houseA.id}/tenancies`,
      headers: secretary.headers,
      payload: { residentId: ids.tenant, startOn: '2025-01-01', endOn: '2025-12-31' },
    });
    expect(lease.statusCode, lease.body).toBe(201);
    const move = await ctx.app.inject({
      method: 'POST',
      url: `/api/people/residents/${ids.moves}/move`,
      headers: secretary.headers,
      payload: { houseId: houseB.id, movedOn: '2025-06-01' },
    });
    expect(move.statusCode, move.body).toBe(204);

    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/people/houses/${houseA.id}`,
      headers: secretary.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { data, abilities } = res.json();
    expect(abilities).toEqual(['read', 'write']);
    expect(data.code).toBe(houseA.code);
    expect(data.parts).toMatchObject({
      community: expect.any(String),
      grid: expect.any(String),
      estate: expect.any(String),
      building: expect.any(String),
      room: expect.any(String),
    });
    expect(data.address).toContain(data.parts.room);
    expect(data.facts).toEqual({ use: '出租', areaM2: 62.5, ownerName: '赵敏' });
    expect(data.occupants.map((o: { name: string }) => o.name)).toEqual(['王芳', '张伟']);
    expect(data.tenancies).toEqual([
      expect.objectContaining({ residentId: ids.tenant, name: '张伟', startOn: '2025-01-01', endOn: '2025-12-31' }),
    ]);
    // Newest first: the three residences opened here; the one that moved out is closed on its moving day.
    const moved = data.history.find((h: { residentId: number }) => h.residentId === ids.moves);
    expect(moved).toEqual({ residentId: ids.moves, name: '李强', fromOn: '2024-03-01', toOn: '2025-06-01' });
    expect(data.history).toHaveLength(3);

    const newHome = (
      await ctx.app.inject({ method: 'GET', url: `/api/people/houses/${houseB.id}`, headers: secretary.headers })
    ).json().data;
    expect(newHome.occupants.map((o: { name: string }) => o.name)).toEqual(['李强']);
    expect(newHome.history).toEqual([{ residentId: ids.moves, name: '李强', fromOn: '2025-06-01', toOn: null }]);
  });

  it("lists a resident's move history with each house's address", async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/people/residents/${ids.moves}`,
      headers: secretary.headers,
    });
    const [first, second] = res.json().data.history;
    const addressOf = async (id: number) =>
      (await ctx.app.inject({ method: 'GET', url: `/api/people/houses/${id}`, headers: secretary.headers })).json().data
        .address;
    expect(first).toEqual({
      houseId: houseA.id,
      address: await addressOf(houseA.id),
      fromOn: '2024-03-01',
      toOn: '2025-06-01',
    });
    expect(second).toEqual({
      houseId: houseB.id,
      address: await addressOf(houseB.id),
      fromOn: '2025-06-01',
      toOn: null,
    });
  });
});

describe('components near a pin (GET /api/people/components/nearby)', () => {
  // At latitude 31.3°, 0.001° of latitude is 111 m; of longitude, 95 m.
  const pin = { lng: 120.6, lat: 31.3 };
  beforeAll(async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const at = (code: string, name: string, dLng: number, dLat: number) => ({
      componentCode: `320508${code}`,
      major: code.slice(0, 2),
      minor: code.slice(2, 4),
      name,
      lng: pin.lng + dLng,
      lat: pin.lat + dLat,
      state: '完好',
      gridNodeId: grid.id,
      scopePath: grid.path,
    });
    await ctx.db.insert(components).values([
      at('0101000001', '上水井盖', 0, 0.0011), // ~122 m north
      at('0101000002', '污水井盖', 0.0005, 0), // ~48 m east
      at('0101000003', '路灯', 0.004, 0), // ~380 m east: outside any allowed radius
    ]);
  });

  it('returns the components within the radius, nearest first, with their distance', async () => {
    const resident = await loginAs(ctx.app, 'resident');
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/people/components/nearby?lng=${pin.lng}&lat=${pin.lat}&radius=150`,
      headers: resident.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const found = res.json().data as { componentCode: string; name: string; metres: number }[];
    expect(found.map((c) => c.componentCode)).toEqual(['3205080101000002', '3205080101000001']);
    expect(found[0]!.metres).toBeGreaterThanOrEqual(45);
    expect(found[0]!.metres).toBeLessThanOrEqual(50);
    expect(found[1]!.metres).toBeGreaterThanOrEqual(120);
    expect(found[1]!.metres).toBeLessThanOrEqual(125);
    const near = await ctx.app.inject({
      method: 'GET',
      url: `/api/people/components/nearby?lng=${pin.lng}&lat=${pin.lat}&radius=100`,
      headers: resident.headers,
    });
    expect(near.json().data.map((c: { name: string }) => c.name)).toEqual(['污水井盖']);
  });

  it('refuses a radius that would list the table', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/people/components/nearby?lng=${pin.lng}&lat=${pin.lat}&radius=5000`,
      headers: secretary.headers,
    });
    expect(res.statusCode).toBe(422);
  });
});
