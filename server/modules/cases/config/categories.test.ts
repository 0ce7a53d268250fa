import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../../platform/calendar/load.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/test-app.ts';
import { dueAtFor } from '../deadline-steps.ts';
import { categoryId, pointInGrid, report } from '../test-helpers.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};
const ACCOUNTS = ['admin', 'street', 'secretary', 'staff', 'gridworker', 'resident', 'dept'] as const;
type Account = (typeof ACCOUNTS)[number];
let ids: { street1: number; community1: number; community2: number; street2: number; group: number; leaf: number };

const count = async (table: string) => Number((await ctx.pool.query(`select count(*) from ${table}`)).rows[0].count);
const call = (who: Account, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: s[who]!.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ACCOUNTS) s[u] = await loginAs(ctx.app, u);
  const [st1, st2] = ctx.seed.tree.streets;
  ids = {
    street1: st1!.id,
    community1: st1!.communities[0]!.id,
    community2: st1!.communities[1]!.id,
    street2: st2!.id,
    group: (await ctx.pool.query(`select id from case_categories where code = '01'`)).rows[0].id,
    leaf: await categoryId(ctx, '暴露垃圾'),
  };
});
afterAll(async () => {
  await ctx.close();
});

describe('who may configure what (role × scope × action)', () => {
  // 2xx allowed · 403 in scope but not allowed · 404 the node lies outside the actor's scope.
  const MATRIX: [
    string,
    (n: typeof ids) => [method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown],
    Record<Account, number>,
  ][] = [
    [
      'read the configuration',
      () => ['GET', '/api/cases/config/categories'],
      { admin: 200, street: 200, secretary: 200, staff: 403, gridworker: 403, resident: 403, dept: 403 },
    ],
    [
      'create a category',
      (n) => [
        'POST',
        '/api/cases/config/categories',
        { parentId: n.group, code: `01${String(Math.floor(Math.random() * 80) + 10)}`, name: '测试小类' },
      ],
      { admin: 201, street: 403, secretary: 403, staff: 403, gridworker: 403, resident: 403, dept: 403 },
    ],
    [
      'edit a category',
      (n) => ['PATCH', `/api/cases/config/categories/${n.leaf}`, { handleMinutes: 900 }],
      { admin: 200, street: 403, secretary: 403, staff: 403, gridworker: 403, resident: 403, dept: 403 },
    ],
    [
      'set its questions',
      (n) => ['PUT', `/api/cases/config/categories/${n.leaf}/questions`, { questions: [] }],
      { admin: 200, street: 403, secretary: 403, staff: 403, gridworker: 403, resident: 403, dept: 403 },
    ],
    [
      'override for street 1',
      (n) => ['PUT', `/api/cases/config/categories/${n.leaf}/overrides/${n.street1}`, { handleMinutes: 600 }],
      { admin: 200, street: 200, secretary: 404, staff: 404, gridworker: 404, resident: 404, dept: 403 },
    ],
    [
      'override for community 1',
      (n) => ['PUT', `/api/cases/config/categories/${n.leaf}/overrides/${n.community1}`, { handleMinutes: 500 }],
      { admin: 200, street: 200, secretary: 200, staff: 403, gridworker: 404, resident: 404, dept: 403 },
    ],
    [
      'override for community 2',
      (n) => ['PUT', `/api/cases/config/categories/${n.leaf}/overrides/${n.community2}`, { handleMinutes: 500 }],
      { admin: 200, street: 200, secretary: 404, staff: 404, gridworker: 404, resident: 404, dept: 403 },
    ],
    [
      'override for street 2',
      (n) => ['PUT', `/api/cases/config/categories/${n.leaf}/overrides/${n.street2}`, { handleMinutes: 500 }],
      { admin: 200, street: 404, secretary: 404, staff: 404, gridworker: 404, resident: 404, dept: 404 },
    ],
    [
      'add a canned reply for their own node',
      () => ['POST', '/api/cases/config/templates', { action: 'reject', text: '经核实不属于受理范围' }],
      { admin: 201, street: 201, secretary: 201, staff: 403, gridworker: 403, resident: 403, dept: 403 },
    ],
    [
      'add a canned reply for community 2',
      (n) => [
        'POST',
        '/api/cases/config/templates',
        { action: 'reject', text: '经核实不属于受理范围', scopeNodeId: n.community2 },
      ],
      { admin: 201, street: 201, secretary: 422, staff: 422, gridworker: 422, resident: 422, dept: 403 },
    ],
  ];
  const rows = MATRIX.flatMap(([label, req, expected]) =>
    ACCOUNTS.map((who) => [label, who, req, expected[who]] as const),
  );
  it.each(rows)('%s as %s', async (_label, who, req, status) => {
    const [method, url, body] = req(ids);
    const res = await call(who, method, url, body);
    expect(res.statusCode, res.body).toBe(status);
  });
});

describe('bad input changes nothing', () => {
  const BAD: [string, (n: typeof ids) => unknown, number, string][] = [
    ['a duplicate code', (n) => ({ parentId: n.group, code: '0101', name: '重复编码' }), 409, 'code'],
    ['a third level', (n) => ({ parentId: n.leaf, code: '0199', name: '第三级' }), 422, 'parentId'],
    ['a class code outside its group', (n) => ({ parentId: n.group, code: '0299', name: '编码不符' }), 422, 'code'],
    ['a group without a kind', () => ({ code: '77', name: '新大类' }), 422, 'kind'],
    [
      'a negative limit',
      (n) => ({ parentId: n.group, code: '0197', name: '负时限', handleMinutes: -5 }),
      422,
      'handleMinutes',
    ],
    [
      'a fractional limit',
      (n) => ({ parentId: n.group, code: '0197', name: '小数时限', acceptMinutes: 1.5 }),
      422,
      'acceptMinutes',
    ],
    [
      'a limit beyond 60 working days',
      (n) => ({ parentId: n.group, code: '0197', name: '超长时限', verifyMinutes: 99999 }),
      422,
      'verifyMinutes',
    ],
    [
      'an unknown department',
      (n) => ({ parentId: n.group, code: '0197', name: '未知部门', defaultDepartmentCode: 'no_such_dept' }),
      422,
      'defaultDepartmentCode',
    ],
  ];
  it.each(BAD)('refuses %s', async (_label, body, status, path) => {
    const before = await count('case_categories');
    const res = await call('admin', 'POST', '/api/cases/config/categories', body(ids));
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.details[0].path).toBe(path);
    expect(await count('case_categories')).toBe(before);
  });

  it('refuses to retire a group that still has active classes (409), and bad questions (422)', async () => {
    const res = await call('admin', 'PATCH', `/api/cases/config/categories/${ids.group}`, { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('请先停用其下的小类');
    const q = await call('admin', 'PUT', `/api/cases/config/categories/${ids.leaf}/questions`, {
      questions: [
        { code: 'A', datatype: 'singlevaluelist', description: '只有一个选项', values: [{ key: 'x', name: 'X' }] },
        { code: 'A', datatype: 'string', description: '重复编码' },
      ],
    });
    expect(q.statusCode).toBe(422);
    expect(q.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'questions.0.values',
      'questions.1.code',
    ]);
  });

  it('refuses an override without any limit', async () => {
    const res = await call(
      'secretary',
      'PUT',
      `/api/cases/config/categories/${ids.leaf}/overrides/${ids.community1}`,
      {},
    );
    expect(res.statusCode).toBe(422);
  });
});

describe('limits take effect for deadlines computed afterwards', () => {
  it('a new accept limit of the category, then a community override, set the due time of the next report', async () => {
    const leaf = await categoryId(ctx, '道路不洁');
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const where = await pointInGrid(ctx, grid.id);
    const calendar = await loadWorkingCalendar(ctx.deps.db);
    const limits = { acceptMinutes: 0, signMinutes: null, handleMinutes: null, verifyMinutes: null };
    const dueOf = async (id: number) =>
      (await call('resident', 'GET', `/api/cases/${id}`)).json().data as { reportedAt: string; dueAt: string };

    expect(
      (await call('admin', 'PATCH', `/api/cases/config/categories/${leaf}`, { acceptMinutes: 1234 })).statusCode,
    ).toBe(200);
    const first = await dueOf(
      (
        await report(ctx.app, s.resident!, {
          title: '道路有油污',
          description: '路面大片油污',
          categoryId: leaf,
          ...where,
        })
      ).id,
    );
    expect(new Date(first.dueAt)).toEqual(
      dueAtFor('reported', new Date(first.reportedAt), { ...limits, acceptMinutes: 1234 }, calendar),
    );

    expect(
      (
        await call('secretary', 'PUT', `/api/cases/config/categories/${leaf}/overrides/${ids.community1}`, {
          acceptMinutes: 45,
        })
      ).statusCode,
    ).toBe(200);
    const second = await dueOf(
      (
        await report(ctx.app, s.resident!, {
          title: '道路又有油污',
          description: '路面大片油污',
          categoryId: leaf,
          ...where,
        })
      ).id,
    );
    expect(new Date(second.dueAt)).toEqual(
      dueAtFor('reported', new Date(second.reportedAt), { ...limits, acceptMinutes: 45 }, calendar),
    );

    // Deadlines already promised do not move.
    expect(
      (await dueOf((await ctx.pool.query(`select id from cases where title = '道路有油污'`)).rows[0].id)).dueAt,
    ).toBe(first.dueAt);
    const audit = await ctx.pool.query(`select action from audit_log where action like 'cases.%' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['cases.category.update', 'cases.sla_override.put']),
    );
  });

  it('a retired class is kept for its cases but can no longer be chosen', async () => {
    const leaf = await categoryId(ctx, '水域不洁');
    expect((await call('admin', 'PATCH', `/api/cases/config/categories/${leaf}`, { active: false })).statusCode).toBe(
      200,
    );
    const where = await pointInGrid(ctx, ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!.id);
    const res = await call('resident', 'POST', '/api/cases', {
      title: '河面漂浮物',
      description: '河面漂浮垃圾',
      categoryId: leaf,
      ...where,
    });
    expect(res.statusCode).toBe(422);
    const tree = (await call('admin', 'GET', '/api/cases/config/categories')).json().data;
    expect(tree[0].children.find((c: { id: number }) => c.id === leaf).active).toBe(false);
    const open = (await call('resident', 'GET', '/api/cases/categories')).json().data;
    expect(open[0].children.some((c: { id: number }) => c.id === leaf)).toBe(false);
  });
});
