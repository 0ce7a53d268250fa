import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { withTx } from '../../platform/db/tx.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { houseCodesUnder, person } from './testing/fixtures.ts';
import { residentSearch } from './queries/search.ts';
import { createPiiCodec } from './pii.ts';
import { residents } from './schema.ts';

let ctx: TestContext;
let secretary: Session;
let staff: Session;
let gridworker: Session;
const wang = person(11, 'female');
const HYPERLINK = '=HYPERLINK("http://x","y")';
let wangId = 0;

beforeAll(async () => {
  ctx = await createTestApp();
  [secretary, staff, gridworker] = (await Promise.all(
    ['secretary', 'staff', 'gridworker'].map((u) => loginAs(ctx.app, u)),
  )) as [Session, Session, Session];
  const c1 = ctx.seed.tree.streets[0]!.communities[0]!;
  const [h1] = await houseCodesUnder(ctx.db, c1.grids[0]!.path, 1);
  const [h2] = await houseCodesUnder(ctx.db, c1.grids[1]!.path, 1);
  const add = async (name: string, idNumber: string, houseId: number, phone?: string) =>
    (
      await ctx.app.inject({
        method: 'POST',
        url: '/api/people/residents',
        headers: secretary.headers,
        payload: { name, idNumber, houseId, residenceType: '户籍', phone, careTags: ['独居老人'] },
      })
    ).json().data.id as number;
  wangId = await add('王芳', wang, h1!.id, '13912345678');
  await add('王芳华', person(12, 'female'), h2!.id);
  await add('=cmd|calc', person(13, 'male'), h2!.id);
  await add(HYPERLINK, person(14, 'male'), h2!.id);
});
afterAll(async () => {
  await ctx.close();
});

const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

describe('masking', () => {
  it('masks identity numbers and phones in lists and details', async () => {
    const list = (
      await ctx.app.inject({ method: 'GET', url: '/api/people/residents?q=王芳', headers: secretary.headers })
    ).json();
    const row = list.data.find((r: { id: number }) => r.id === wangId);
    expect(row).toMatchObject({ idNumberMasked: masked(wang), phoneMasked: '139****5678', gender: '女' });
    expect(JSON.stringify(list)).not.toContain(wang);
    const detail = (
      await ctx.app.inject({ method: 'GET', url: `/api/people/residents/${wangId}`, headers: gridworker.headers })
    ).json();
    expect(detail.data.idNumberMasked).toBe(masked(wang));
    expect(JSON.stringify(detail)).not.toContain('13912345678');
    expect(detail.abilities).toEqual(['read', 'write']);
  });

  it('stores no identity number or phone in clear', async () => {
    const dump = JSON.stringify((await ctx.db.execute(sql`select * from people_residents`)).rows);
    expect(dump).not.toContain(wang);
    expect(dump).not.toContain('13912345678');
  });

  it('masks exports (csv and xlsx), neutralises formulas, and logs the export', async () => {
    const csv = await ctx.app.inject({
      method: 'GET',
      url: '/api/people/residents/export?format=csv',
      headers: staff.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(masked(wang));
    expect(csv.body).not.toContain(wang);
    expect(csv.body).toContain("'=cmd|calc");
    const xlsx = await ctx.app.inject({
      method: 'GET',
      url: '/api/people/residents/export?format=xlsx',
      headers: staff.headers,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain(masked(wang));
    expect(cells).not.toContain(wang);
    expect(cells).toContain("'=cmd|calc");
    const log = (
      await ctx.app.inject({ method: 'GET', url: '/api/people/reveal-log', headers: secretary.headers })
    ).json();
    expect(log.data.filter((e: { action: string }) => e.action === 'people.export')).toHaveLength(2);
  });
});

describe('formula injection', () => {
  it('exports a resident named like a formula as text in csv and xlsx', async () => {
    const csv = await ctx.app.inject({
      method: 'GET',
      url: '/api/people/residents/export?format=csv',
      headers: secretary.headers,
    });
    const names = (parse(csv.body, { bom: true, from_line: 2 }) as string[][]).map((r) => r[0]);
    expect(names).toContain(`'${HYPERLINK}`);
    expect(names).not.toContain(HYPERLINK);
    const xlsx = await ctx.app.inject({
      method: 'GET',
      url: '/api/people/residents/export?format=xlsx',
      headers: secretary.headers,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.worksheets[0]!.getColumn(1).eachCell((c) => {
      cells.push(c);
    });
    const cell = cells.find((c) => String(c.value).includes('HYPERLINK'))!;
    expect(cell.value).toBe(`'${HYPERLINK}`);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });
});

describe('POST /api/people/residents/:id/reveal', () => {
  it('refuses community staff (403) and writes no audit row', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/people/residents/${wangId}/reveal`,
      headers: staff.headers,
      payload: { reason: '走访核实身份' },
    });
    expect(res.statusCode).toBe(403);
    const log = (
      await ctx.app.inject({ method: 'GET', url: '/api/people/reveal-log', headers: secretary.headers })
    ).json();
    expect(log.data.filter((e: { action: string }) => e.action === 'people.reveal')).toHaveLength(0);
  });

  it('requires a reason (422)', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/people/residents/${wangId}/reveal`,
      headers: secretary.headers,
      payload: { reason: '' },
    });
    expect(res.statusCode).toBe(422);
  });

  it('shows the secretary the whole values and records who, why and where for review', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/people/residents/${wangId}/reveal`,
      headers: secretary.headers,
      payload: { reason: '办理高龄津贴' },
    });
    expect(res.json().data).toEqual({ id: wangId, idNumber: wang, phone: '13912345678' });
    const log = (
      await ctx.app.inject({ method: 'GET', url: '/api/people/reveal-log', headers: secretary.headers })
    ).json();
    const entry = log.data.find((e: { action: string }) => e.action === 'people.reveal');
    expect(entry).toMatchObject({
      targetId: String(wangId),
      actorRole: 'community_secretary',
      summary: { reason: '办理高龄津贴', name: '王芳' },
    });
    const [audit] = (
      await ctx.db.execute<{ scope_path: string }>(sql`select scope_path from audit_log where action = 'people.reveal'`)
    ).rows;
    const [resident] = (
      await ctx.db.execute<{ scope_path: string }>(sql`select scope_path from people_residents where id = ${wangId}`)
    ).rows;
    expect(audit!.scope_path).toBe(resident!.scope_path);
  });
});

describe('GET /api/people/residents search', () => {
  const names = async (q: string, s = secretary) =>
    (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/people/residents?q=${encodeURIComponent(q)}`,
        headers: s.headers,
      })
    )
      .json()
      .data.map((r: { name: string }) => r.name)
      .sort();

  it('finds 2-character names, identity and phone suffixes, whole numbers, and address fragments', async () => {
    expect(await names('王芳')).toEqual(['王芳', '王芳华']);
    expect(await names('芳华')).toEqual(['王芳华']);
    expect(await names(wang.slice(-4))).toContain('王芳');
    expect(await names('5678')).toEqual(['王芳']);
    expect(await names(wang)).toEqual(['王芳']);
    expect(await names('13912345678')).toEqual(['王芳']);
    const detail = (
      await ctx.app.inject({ method: 'GET', url: `/api/people/residents/${wangId}`, headers: secretary.headers })
    ).json().data;
    expect(await names(detail.address.slice(-6, -4))).toContain('王芳');
  });

  it('still finds people whose hashes an earlier version stored as 64 hex digits, once the upgrade runs', async () => {
    // An earlier version stored all 32 bytes of the HMAC in hex; its first 16 bytes are today's hash.
    const oldFormat = (column: 'id_hash' | 'phone_hash') =>
      sql.raw(`encode(decode(rpad(translate(${column}, '-_', '+/'), 24, '='), 'base64'), 'hex') || repeat('0', 32)`);
    await ctx.db.execute(
      sql`update people_residents set id_hash = ${oldFormat('id_hash')}, phone_hash = ${oldFormat('phone_hash')} where id = ${wangId}`,
    );
    expect(await names(wang)).toEqual([]);
    const upgrade = fs.readFileSync(new URL('./migrations/0002_short_lookup_hashes.sql', import.meta.url), 'utf8');
    for (const statement of upgrade.split('--> statement-breakpoint')) await ctx.db.execute(sql.raw(statement));
    expect(await names(wang)).toEqual(['王芳']);
    expect(await names('13912345678')).toEqual(['王芳']);
  });

  it('keeps a grid worker to their own grid', async () => {
    expect(await names('王芳', gridworker)).toEqual(['王芳']);
  });

  it('serves a 2-character term from the GIN bigram index (plan)', async () => {
    const codec = createPiiCodec(ctx.deps.config.dataKey);
    const where = residentSearch(
      {
        tokens: residents.searchTokens,
        name: residents.name,
        address: residents.address,
        idHash: residents.idHash,
        phoneHash: residents.phoneHash,
        idTail: residents.idTail,
        phoneTail: residents.phoneTail,
      },
      codec,
      '王芳',
    );
    // Three rows make a sequential scan cheapest; with it priced out the planner must still find an index path.
    const plan = await withTx(ctx.db, async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return (await tx.execute<{ 'QUERY PLAN': string }>(sql`explain select id from ${residents} where ${where}`)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    });
    expect(plan).toContain('people_residents_tokens_idx');
  });
});
