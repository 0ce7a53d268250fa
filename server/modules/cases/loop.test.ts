import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { actOk, categoryId, pointInGrid, report } from './test-helpers.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};
let garbage: number;
let noise: number;

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['resident', 'secretary', 'staff', 'dept', 'gridworker', 'street', 'leader', 'volunteer'])
    s[u] = await loginAs(ctx.app, u);
  garbage = await categoryId(ctx, '暴露垃圾');
  noise = await categoryId(ctx, '噪音扰民');
});
afterAll(async () => {
  await ctx.close();
});

const grid1 = () => ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;

describe('the closed loop', () => {
  it('takes a resident report through accept, department dispatch, sign, handle, verify, close and rating', async () => {
    const pin = await pointInGrid(ctx, grid1().id);
    const created = await report(ctx.app, s.resident!, {
      title: '楼下垃圾堆放三天无人清理',
      description: '3幢门口垃圾桶旁堆满生活垃圾，气味很大',
      ...pin,
    });
    expect(created.caseNo).toMatch(/^GS\d{8}\d{7}$/);

    const inbox = (
      await ctx.app.inject({ method: 'GET', url: '/api/cases?state=reported', headers: s.secretary!.headers })
    ).json();
    expect(inbox.data.map((c: { id: number }) => c.id)).toContain(created.id);

    await actOk(ctx.app, s.secretary!, created.id, 'accept', { categoryId: garbage });
    const dispatched = await actOk(ctx.app, s.secretary!, created.id, 'dispatch', {});
    expect(dispatched.state).toBe('dispatched');
    const detail = (
      await ctx.app.inject({ method: 'GET', url: `/api/cases/${created.id}`, headers: s.dept!.headers })
    ).json().data;
    expect(detail.department.name).toContain('城管中队');
    expect(detail.abilities).toEqual(['sign', 'return']);

    await actOk(ctx.app, s.dept!, created.id, 'sign');
    await actOk(ctx.app, s.dept!, created.id, 'handle', { feedback: '已安排保洁清运，并加装分类垃圾桶' });
    await actOk(ctx.app, s.gridworker!, created.id, 'verify', { note: '现场已清理干净' });
    await actOk(ctx.app, s.secretary!, created.id, 'close');
    await actOk(ctx.app, s.resident!, created.id, 'rate', { score: 5, comment: '处理很快' });

    const final = (
      await ctx.app.inject({ method: 'GET', url: `/api/cases/${created.id}`, headers: s.resident!.headers })
    ).json().data;
    expect(final.state).toBe('rated');
    expect(final.timeline.map((e: { action: string }) => e.action)).toEqual([
      'report',
      'accept',
      'dispatch',
      'sign',
      'handle',
      'verify',
      'close',
      'rate',
    ]);
    expect(final.timeline[4].note).toBe('已安排保洁清运，并加装分类垃圾桶');
    const notes = (
      await ctx.app.inject({ method: 'GET', url: '/api/notifications', headers: s.resident!.headers })
    ).json();
    expect(notes.data.map((n: { kind: string }) => n.kind)).toEqual(
      expect.arrayContaining(['case.accept', 'case.close']),
    );
  });

  it('lets a grid worker handle a small matter inside the grid ("小事不出网格")', async () => {
    const pin = await pointInGrid(ctx, grid1().id);
    const c = await report(ctx.app, s.gridworker!, {
      title: '非机动车乱停放堵塞通道',
      description: '巷口电动车横七竖八',
      categoryId: await categoryId(ctx, '非机动车乱停放'),
      ...pin,
    });
    await actOk(ctx.app, s.staff!, c.id, 'accept');
    const d = await actOk(ctx.app, s.staff!, c.id, 'dispatch', { level: 'grid' });
    expect(d.state).toBe('dispatched');
    await actOk(ctx.app, s.gridworker!, c.id, 'sign');
    await actOk(ctx.app, s.gridworker!, c.id, 'handle', { feedback: '已劝导车主挪车' });
    const detail = (
      await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: s.gridworker!.headers })
    ).json().data;
    expect(detail.source).toBe('patrol');
    expect(detail.abilities).toContain('verify');
  });

  it.each([
    ['window', 'staff', { reporterName: '张阿姨', reporterPhone: '13912345678' }],
    ['visit', 'secretary', { reporterName: '李大爷' }],
    ['hotline', 'staff', { reporterName: '12345 来电' }],
  ])(
    'registers a %s case entered by staff on behalf of a resident, with an address only',
    async (source, who, extra) => {
      const c = await report(ctx.app, s[who]!, {
        title: '楼上噪音扰民',
        description: '每晚十一点后仍有装修声',
        address: '路南社区 3幢 201',
        source,
        categoryId: noise,
        ...extra,
      });
      const d = (
        await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: s.secretary!.headers })
      ).json().data;
      expect(d).toMatchObject({ source, grid: null, community: { id: ctx.seed.tree.streets[0]!.communities[0]!.id } });
      expect(d.reporter.name).toBe(extra.reporterName);
      await actOk(ctx.app, s.secretary!, c.id, 'accept', { gridId: grid1().id });
      const after = (
        await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: s.gridworker!.headers })
      ).json().data;
      expect(after.grid.id).toBe(grid1().id);
    },
  );

  it.each([
    ['leader', 'building_leader'],
    ['volunteer', 'volunteer'],
  ])('records the source of a report by a %s', async (who, source) => {
    const pin = await pointInGrid(ctx, grid1().id);
    const c = await report(ctx.app, s[who]!, {
      title: '楼道飞线充电',
      description: '2单元有人从窗户拉线给电动车充电',
      ...pin,
    });
    const d = (await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: s.secretary!.headers })).json()
      .data;
    expect(d.source).toBe(source);
  });

  it('stores the reporter phone encrypted and shows it masked, even to the dispatcher', async () => {
    const c = await report(ctx.app, s.staff!, {
      title: '路灯不亮',
      description: '巷口路灯连续三晚不亮',
      address: '路南社区巷口',
      source: 'window',
      reporterName: '王先生',
      reporterPhone: '13800001111',
      categoryId: await categoryId(ctx, '路灯不亮'),
    });
    await actOk(ctx.app, s.staff!, c.id, 'accept');
    await actOk(ctx.app, s.staff!, c.id, 'dispatch', {
      level: 'department',
      departmentId: (await ctx.pool.query(`select department_id from users where username = 'dept'`)).rows[0]
        .department_id,
    });
    const forStaff = (
      await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: s.staff!.headers })
    ).json().data;
    expect(forStaff.reporter).toMatchObject({ name: '王先生', phone: '138****1111', canReveal: true });
    const { rows } = await ctx.pool.query(`select reporter_phone_enc from cases where id = $1`, [c.id]);
    expect(rows[0].reporter_phone_enc).not.toContain('13800001111');
  });
});

describe('concurrency', () => {
  it('lets exactly one of two dispatchers accept a case at once; the other gets 409', async () => {
    const pin = await pointInGrid(ctx, grid1().id);
    const c = await report(ctx.app, s.resident!, { title: '井盖松动', description: '路口井盖踩上去会响', ...pin });
    const body = { version: c.version, categoryId: await categoryId(ctx, '井盖破损或丢失') };
    const [a, b] = await Promise.all([
      ctx.app.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/accept`,
        headers: s.secretary!.headers,
        payload: body,
      }),
      ctx.app.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/reject`,
        headers: s.staff!.headers,
        payload: { ...body, reason: '重复反映' },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const { rows } = await ctx.pool.query(
      `select count(*)::int as n from case_events where case_id = $1 and action in ('accept','reject')`,
      [c.id],
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('party points from cases', () => {
  it('credits a party member once when their report is accepted', async () => {
    const member = await loginAs(ctx.app, 'member');
    const pin = await pointInGrid(ctx, grid1().id);
    const c = await report(ctx.app, member, { title: '消防通道被占', description: '小区消防通道停满了车', ...pin });
    await actOk(ctx.app, s.secretary!, c.id, 'accept', { categoryId: await categoryId(ctx, '消防通道堵塞') });
    const { rows } = await ctx.pool.query(
      `select points from party_points p join party_members m on m.id = p.member_id join users u on u.id = m.user_id where u.username = 'member' and p.source_kind = 'case.accepted' and p.source_id = $1`,
      [String(c.id)],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].points).toBeGreaterThan(0);
  });
});
