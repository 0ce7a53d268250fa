import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { auditLog } from '../accounts/schema.ts';
import { orgCodeCheckChar, usccCheckChar } from './rules/uscc.ts';
import { residenceHistory, residents } from './schema.ts';
import { countRows, houseCodesUnder, person, pointInGrid } from './testing/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
const grids = { mine: 0, other: 0 };
const houses: { id: number; code: string }[] = [];

/** A valid USCC (GB 32100) with its embedded GB 11714 organisation code. */
function uscc(seq: number): string {
  const org = String(70000000 + seq);
  const first17 = `91320508${org}${orgCodeCheckChar(org)}`;
  return first17 + usccCheckChar(first17);
}
const flip = (code: string, at: number) => code.slice(0, at) + (code[at] === '1' ? '2' : '1') + code.slice(at + 1);

const send = (method: 'POST' | 'PUT' | 'GET', url: string, payload?: object, s = secretary) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
async function auditCount(action: string, targetId: number) {
  return (
    await ctx.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))))
  ).length;
}
/** A 422 naming the field in Chinese, and nothing written. */
async function rejected(
  res: { statusCode: number; body: string; json(): any },
  path: string,
  label: string,
  table: string,
  before: number,
) {
  expect(res.statusCode, res.body).toBe(422);
  const details = res.json().error.details as { path: string; message: string }[];
  expect(details.find((d) => d.path === path)?.message, res.body).toContain(label);
  expect(res.json().error.message).toContain(label);
  expect(await countRows(ctx.db, table)).toBe(before);
}

beforeAll(async () => {
  ctx = await createTestApp();
  secretary = await loginAs(ctx.app, 'secretary');
  grids.mine = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!.id;
  grids.other = ctx.seed.tree.streets[1]!.communities[0]!.grids[0]!.id;
  houses.push(...(await houseCodesUnder(ctx.db, ctx.seed.tree.streets[0]!.communities[0]!.path, 2)));
});
afterAll(async () => {
  await ctx.close();
});

describe('legal entities by hand', () => {
  const entity = (seq: number, extra: object = {}) => ({
    creditCode: uscc(seq),
    name: `苏州市姑苏区测试商行${seq}`,
    type: '个体工商户',
    legalRep: '王芳',
    address: '路南社区 3 幢',
    gridId: grids.mine,
    employees: 4,
    ...extra,
  });

  it('registers an entity, shows it in the list and detail, and corrects it, each with an audit row', async () => {
    const created = await send('POST', '/api/people/entities', entity(1));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id as number;
    const detail = (await send('GET', `/api/people/entities/${id}`)).json();
    expect(detail.data).toMatchObject({
      creditCode: uscc(1),
      name: '苏州市姑苏区测试商行1',
      gridId: grids.mine,
      employees: 4,
    });
    expect(detail.data.gridName).toBeTruthy();
    expect(detail.abilities).toEqual(['read', 'write']);
    const list = (await send('GET', `/api/people/entities?q=${encodeURIComponent('测试商行')}`)).json();
    expect(list.data.map((e: { id: number }) => e.id)).toContain(id);

    const updated = await send(
      'PUT',
      `/api/people/entities/${id}`,
      entity(1, { name: '苏州市姑苏区测试超市1', employees: 9 }),
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await send('GET', `/api/people/entities/${id}`)).json().data).toMatchObject({
      name: '苏州市姑苏区测试超市1',
      employees: 9,
    });
    expect(await auditCount('people.entity.create', id)).toBe(1);
    expect(await auditCount('people.entity.update', id)).toBe(1);
  });

  it.each([
    ['a wrong check character (GB 32100)', { creditCode: flip(uscc(2), 17) }, 'creditCode', '统一社会信用代码'],
    [
      'a wrong embedded organisation code (GB 11714)',
      {
        creditCode: (() => {
          const c = flip(uscc(2), 15);
          return c.slice(0, 17) + usccCheckChar(c.slice(0, 17));
        })(),
      },
      'creditCode',
      '统一社会信用代码',
    ],
    ["a grid outside the secretary's community", { gridId: 'other' }, 'gridId', '所属网格'],
    ['an unknown entity type', { type: '合伙' }, 'type', '单位类型'],
  ])('refuses %s: 422 naming the field, nothing written', async (_name, change, path, label) => {
    const before = await countRows(ctx.db, 'people_entities');
    const body = { ...entity(2), ...change, ...('gridId' in change ? { gridId: grids.other } : {}) };
    await rejected(await send('POST', '/api/people/entities', body), path, label, 'people_entities', before);
  });

  it('refuses a credit code already registered, on create and on update', async () => {
    const first = (await send('POST', '/api/people/entities', entity(3))).json().data.id as number;
    const second = (await send('POST', '/api/people/entities', entity(4))).json().data.id as number;
    const before = await countRows(ctx.db, 'people_entities');
    await rejected(
      await send('POST', '/api/people/entities', entity(3, { name: '另一家' })),
      'creditCode',
      '统一社会信用代码',
      'people_entities',
      before,
    );
    await rejected(
      await send('PUT', `/api/people/entities/${second}`, entity(3)),
      'creditCode',
      '统一社会信用代码',
      'people_entities',
      before,
    );
    expect((await send('GET', `/api/people/entities/${second}`)).json().data.creditCode).toBe(uscc(4));
    expect(first).not.toBe(second);
  });
});

describe('city components by hand', () => {
  it('registers a component at a point of the community, names it by its class, and corrects its state', async () => {
    const at = await pointInGrid(ctx.db, (lng, lat) => ctx.deps.gridLookup.locate(lng, lat), grids.mine);
    const created = await send('POST', '/api/people/components', {
      componentCode: '3205080101900001',
      ...at,
      state: '完好',
      ownerUnit: '区水务局',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id as number;
    const detail = (await send('GET', `/api/people/components/${id}`)).json().data;
    expect(detail).toMatchObject({
      componentCode: '3205080101900001',
      state: '完好',
      gridId: grids.mine,
      ownerUnit: '区水务局',
    });
    expect(detail.name).not.toBe('');
    const updated = await send('PUT', `/api/people/components/${id}`, {
      componentCode: '3205080101900001',
      ...at,
      state: '破损',
      ownerUnit: '区水务局',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await send('GET', `/api/people/components/${id}`)).json().data.state).toBe('破损');
    expect(await auditCount('people.component.create', id)).toBe(1);
    expect(await auditCount('people.component.update', id)).toBe(1);
    const before = await countRows(ctx.db, 'people_components');
    await rejected(
      await send('POST', '/api/people/components', { componentCode: '3205080101900001', ...at, state: '完好' }),
      'componentCode',
      '部件编码',
      'people_components',
      before,
    );
  });

  it("refuses a bad code, another district's code and a point outside the community: 422, nothing written", async () => {
    const mine = await pointInGrid(ctx.db, (lng, lat) => ctx.deps.gridLookup.locate(lng, lat), grids.mine);
    const other = await pointInGrid(ctx.db, (lng, lat) => ctx.deps.gridLookup.locate(lng, lat), grids.other);
    const before = await countRows(ctx.db, 'people_components');
    await rejected(
      await send('POST', '/api/people/components', { componentCode: '32050801019', ...mine, state: '完好' }),
      'componentCode',
      '部件编码',
      'people_components',
      before,
    );
    await rejected(
      await send('POST', '/api/people/components', { componentCode: '3205070101900002', ...mine, state: '完好' }),
      'componentCode',
      '部件编码',
      'people_components',
      before,
    );
    await rejected(
      await send('POST', '/api/people/components', { componentCode: '3205080101900002', ...other, state: '完好' }),
      'lng',
      '经度',
      'people_components',
      before,
    );
  });
});

describe('residents by hand: correct, move out, move back in', () => {
  let id = 0;
  beforeAll(async () => {
    const res = await send('POST', '/api/people/residents', {
      name: '陈静',
      idNumber: person(701),
      houseId: houses[0]!.id,
      residenceType: '户籍',
      phone: '13912345678',
      movedInOn: '2020-05-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().data.id;
  });
  const edit = (extra: object = {}) => ({
    name: '陈静',
    idKind: '身份证',
    residenceType: '户籍',
    careTags: [],
    ...extra,
  });
  const reveal = async () =>
    (await send('POST', `/api/people/residents/${id}/reveal`, { reason: '核对登记信息' })).json().data as {
      idNumber: string;
      phone: string | null;
    };

  it('keeps the stored identity number when none is typed, and stores a new phone encrypted', async () => {
    const res = await send('PUT', `/api/people/residents/${id}`, edit({ phone: '13800001111', relation: '户主' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(await reveal()).toMatchObject({ idNumber: person(701), phone: '13800001111' });
    const [row] = await ctx.db.select().from(residents).where(eq(residents.id, id));
    expect(row!.relation).toBe('户主');
    expect(row!.phoneCipher).not.toContain('13800001111');
    expect(row!.phoneTail).toBe('1111');
    const [audit] = await ctx.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'people.resident.update'), eq(auditLog.targetId, String(id))));
    expect(audit!.summary).toEqual({ changed: ['phoneHash', 'relation'] });
  });

  it.each([
    [
      'a GB 11643 check digit error',
      { idNumber: `${person(702).slice(0, 17)}${person(702)[17] === '1' ? '2' : '1'}` },
      'idNumber',
      '证件号码',
    ],
    ['a phone that is no mobile number', { phone: '1234' }, 'phone', '联系电话'],
    ['a gender contradicting the identity number', { gender: '女' }, 'gender', '性别'],
  ])('refuses %s: 422 naming the field, the record unchanged', async (_name, change, path, label) => {
    const [before] = await ctx.db.select().from(residents).where(eq(residents.id, id));
    const res = await send('PUT', `/api/people/residents/${id}`, edit(change));
    await rejected(res, path, label, 'people_residents', await countRows(ctx.db, 'people_residents'));
    const [after] = await ctx.db.select().from(residents).where(eq(residents.id, id));
    expect(after).toEqual(before);
  });

  it('moves out (history closed, record kept), refuses a second move-out, and moves back into another house', async () => {
    await rejected(
      await send('POST', `/api/people/residents/${id}/move-out`, { movedOutOn: '2019-01-01' }),
      'movedOutOn',
      '迁出日期',
      'people_residents',
      await countRows(ctx.db, 'people_residents'),
    );
    const out = await send('POST', `/api/people/residents/${id}/move-out`, { movedOutOn: '2025-09-30' });
    expect(out.statusCode, out.body).toBe(200);
    let detail = (await send('GET', `/api/people/residents/${id}`)).json().data;
    expect(detail.movedOutOn).toBe('2025-09-30');
    expect(detail.history).toEqual([
      expect.objectContaining({ houseId: houses[0]!.id, fromOn: '2020-05-01', toOn: '2025-09-30' }),
    ]);
    const again = await send('POST', `/api/people/residents/${id}/move-out`, { movedOutOn: '2025-10-01' });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toContain('迁出日期');

    const back = await send('POST', `/api/people/residents/${id}/move`, {
      houseId: houses[1]!.id,
      movedOn: '2026-01-10',
    });
    expect(back.statusCode, back.body).toBe(204);
    detail = (await send('GET', `/api/people/residents/${id}`)).json().data;
    expect(detail).toMatchObject({ movedOutOn: null, houseId: houses[1]!.id, movedInOn: '2026-01-10' });
    const history = await ctx.db.select().from(residenceHistory).where(eq(residenceHistory.residentId, id));
    expect(history.map((h) => [h.houseNodeId, h.fromOn, h.toOn])).toEqual([
      [houses[0]!.id, '2020-05-01', '2025-09-30'],
      [houses[1]!.id, '2026-01-10', null],
    ]);
    expect(await auditCount('people.resident.move_out', id)).toBe(1);
  });
});

describe('registering a person already held by another community', () => {
  it('refuses (409) to move a record out of sight by typing its number, and leaves it where it was', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const [elsewhere] = await houseCodesUnder(ctx.db, ctx.seed.tree.streets[1]!.communities[0]!.path, 1);
    const body = { name: '周敏', idNumber: person(733), residenceType: '户籍' };
    const held = await send('POST', '/api/people/residents', { ...body, houseId: elsewhere!.id }, admin);
    expect(held.statusCode, held.body).toBe(201);
    const heldId = held.json().data.id as number;

    const res = await send('POST', '/api/people/residents', { ...body, houseId: houses[0]!.id });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.message).toContain('管辖范围以外');
    const [row] = await ctx.db
      .select({ houseId: residents.houseNodeId })
      .from(residents)
      .where(eq(residents.id, heldId));
    expect(row!.houseId).toBe(elsewhere!.id);
  });
});
