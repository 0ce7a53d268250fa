import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { actOk, categoryId, pointInGrid, report } from './test-helpers.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};
let deptId: number;

const ACCOUNTS = [
  'admin',
  'street',
  'secretary',
  'staff',
  'gridworker',
  'gw2',
  'leader',
  'member',
  'volunteer',
  'resident',
  'dept',
  'property',
  'counit',
] as const;
type Account = (typeof ACCOUNTS)[number];
const PHONE = '13912345678';
const MASKED = '139****5678';

beforeAll(async () => {
  ctx = await createTestApp();
  const gw2 = `gw${ctx.seed.tree.streets[0]!.communities[0]!.grids[1]!.code}`;
  for (const u of ACCOUNTS) s[u] = await loginAs(ctx.app, u === 'gw2' ? gw2 : u);
  deptId = (await ctx.pool.query(`select department_id from users where username = 'dept'`)).rows[0].department_id;
});
afterAll(async () => {
  await ctx.close();
});

/** A resident's report with a phone in grid 1 of community 1, accepted and whistled to `dept` (城管中队). */
async function caseWithPhone(dispatchToDept = true) {
  const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
  const c = await report(ctx.app, s.resident!, {
    title: '占道经营',
    description: '早点摊占用人行道',
    reporterPhone: PHONE,
    categoryId: await categoryId(ctx, '占道经营'),
    ...(await pointInGrid(ctx, grid.id)),
  });
  if (dispatchToDept) {
    await actOk(ctx.app, s.secretary!, c.id, 'accept');
    await actOk(ctx.app, s.secretary!, c.id, 'dispatch', { level: 'department', departmentId: deptId });
  }
  return c;
}

const reveal = (who: Account, id: number, reason: unknown = '回访核实处置情况') =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/cases/${id}/reveal-contact`,
    headers: s[who]!.headers,
    payload: reason === null ? {} : { reason },
  });
const revealRows = async (caseId: number) =>
  (
    await ctx.pool.query(
      `select a.actor_user_id, u.username, a.actor_role, a.target_type, a.scope_path, a.summary, a.at from audit_log a left join users u on u.id = a.actor_user_id
    where a.action = 'cases.reveal_contact' and a.target_id = $1 order by a.id`,
      [String(caseId)],
    )
  ).rows;

// 200 may reveal · 403 sees the case but does not handle it · 404 the case is outside what they can see.
const MATRIX: Record<Account, number> = {
  admin: 200,
  street: 200,
  secretary: 200,
  staff: 200,
  gridworker: 200,
  gw2: 404,
  leader: 404,
  member: 404,
  volunteer: 404,
  resident: 403,
  dept: 200,
  property: 404,
  counit: 404,
};

describe('reporter phone reveal: role × scope matrix', () => {
  it.each(ACCOUNTS.map((who) => [who, MATRIX[who]] as const))('reveal by %s → %i', async (who, expected) => {
    const c = await caseWithPhone();
    const res = await reveal(who, c.id);
    expect(res.statusCode, res.body).toBe(expected);
    const rows = await revealRows(c.id);
    if (expected === 200) {
      expect(res.json().data).toEqual({ id: c.id, phone: PHONE });
      expect(rows).toHaveLength(1);
      expect(rows[0].username).toBe(who === 'gw2' ? undefined : who);
    } else {
      // Refused: nothing shown, nothing logged.
      expect(res.body).not.toContain(PHONE);
      expect(rows).toHaveLength(0);
    }
  });

  it('lets the department reveal only once the case is whistled to it (before: not its case, 404)', async () => {
    const c = await caseWithPhone(false);
    expect((await reveal('dept', c.id)).statusCode).toBe(404);
    await actOk(ctx.app, s.secretary!, c.id, 'accept');
    await actOk(ctx.app, s.secretary!, c.id, 'dispatch', { level: 'department', departmentId: deptId });
    expect((await reveal('dept', c.id)).statusCode).toBe(200);
  });

  it('asks for a reason like a base-data reveal: 422 naming the field, nothing logged', async () => {
    const c = await caseWithPhone(false);
    for (const reason of [null, '看看', '   x   ']) {
      const res = await reveal('secretary', c.id, reason);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details[0].path).toBe('reason');
      expect(res.body).not.toContain(PHONE);
    }
    expect(await revealRows(c.id)).toHaveLength(0);
  });
});

describe('masked by default', () => {
  it('masks the phone in the case detail for everyone who sees the case, the reporter included', async () => {
    const c = await caseWithPhone();
    for (const who of ['admin', 'street', 'secretary', 'staff', 'gridworker', 'resident', 'dept'] as const) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: s[who]!.headers });
      expect(res.statusCode).toBe(200);
      expect(res.body, who).not.toContain(PHONE);
      expect(res.json().data.reporter.phone).toBe(MASKED);
      // The web app shows 'show number' only to those the policy lets reveal.
      expect(res.json().data.reporter.canReveal, who).toBe(MATRIX[who] === 200);
    }
  });

  it('never carries the phone in lists, the indicator export or Open311 answers', async () => {
    const c = await caseWithPhone();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    for (const url of [
      '/api/cases?pageSize=100',
      `/api/cases?q=${c.caseNo}`,
      '/api/cases?mine=1',
      `/api/cases/indicators?from=${today}&to=${today}&groupBy=grid&format=csv`,
      `/api/cases/indicators?from=${today}&to=${today}&groupBy=grid&format=xlsx`,
    ]) {
      const res = await ctx.app.inject({ method: 'GET', url, headers: s.secretary!.headers });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.body, url).not.toContain(PHONE);
      expect(res.body, url).not.toContain(MASKED);
    }
    for (const url of [
      `/open311/v2/requests/${c.id}.json`,
      `/open311/v2/requests.json?service_request_id=${c.id}`,
      `/open311/v2/requests/${c.id}.xml`,
    ]) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(PHONE);
    }
    expect(await revealRows(c.id)).toHaveLength(0);
  });
});

describe('audit and the reveal log', () => {
  it("writes who, when, which case and why, and lists it in the secretary's reveal log", async () => {
    const c = await caseWithPhone();
    const before = Date.now();
    expect((await reveal('dept', c.id, '联系反映人确认摊位位置')).statusCode).toBe(200);
    const [row] = await revealRows(c.id);
    const caseRow = (await ctx.pool.query(`select scope_path, case_no from cases where id = $1`, [c.id])).rows[0];
    expect(row).toMatchObject({
      username: 'dept',
      actor_role: 'department_handler',
      target_type: 'case',
      scope_path: caseRow.scope_path,
    });
    expect(row.summary).toMatchObject({
      reason: '联系反映人确认摊位位置',
      caseNo: caseRow.case_no,
      fields: ['reporterPhone'],
    });
    expect(new Date(row.at).getTime()).toBeGreaterThanOrEqual(before - 5_000);
    // The audit row holds no phone itself.
    expect(JSON.stringify(row.summary)).not.toContain(PHONE);

    const log = (
      await ctx.app.inject({ method: 'GET', url: '/api/people/reveal-log?pageSize=50', headers: s.secretary!.headers })
    ).json();
    const entry = log.data.find(
      (e: { action: string; targetId: string }) => e.action === 'cases.reveal_contact' && e.targetId === String(c.id),
    );
    expect(entry).toMatchObject({
      targetType: 'case',
      actor: expect.any(String),
      summary: { reason: '联系反映人确认摊位位置', caseNo: caseRow.case_no },
    });
    // Reviewers without audit.read still cannot open the log.
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/people/reveal-log', headers: s.staff!.headers })).statusCode,
    ).toBe(403);
  });
});
