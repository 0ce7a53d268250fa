import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { act, actOk, categoryId, pointInGrid, report } from './test-helpers.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};
let noise: number;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['resident', 'secretary', 'staff', 'gridworker', 'street', 'dept', 'member'])
    s[u] = await loginAs(ctx.app, u);
  noise = await categoryId(ctx, '噪音扰民');
});
afterAll(async () => {
  await ctx.close();
});

const grid1 = () => ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;

/** A case the reporter cannot rate (a hotline caller without an account), taken to 已结案. */
async function closedHotlineCase(title: string): Promise<number> {
  const c = await report(ctx.app, s.staff!, {
    title,
    description: '来电反映夜间施工噪音',
    address: '路南社区 5幢',
    source: 'hotline',
    categoryId: noise,
    reporterName: '12345 来电',
    reporterPhone: '13912345678',
  });
  await actOk(ctx.app, s.secretary!, c.id, 'accept', { gridId: grid1().id });
  await actOk(ctx.app, s.secretary!, c.id, 'dispatch', { level: 'grid' });
  await actOk(ctx.app, s.gridworker!, c.id, 'sign');
  await actOk(ctx.app, s.gridworker!, c.id, 'handle', { feedback: '已约谈施工方，夜间停工' });
  await actOk(ctx.app, s.gridworker!, c.id, 'verify');
  await actOk(ctx.app, s.secretary!, c.id, 'close');
  return c.id;
}

describe('回访 (phone revisit) of cases without a rating account', () => {
  it('tells the community staff when a case waits to be closed (待结案)', async () => {
    const id = await closedHotlineCase('夜间施工扰民 1');
    const notes = (
      await ctx.app.inject({ method: 'GET', url: '/api/notifications', headers: s.secretary!.headers })
    ).json().data;
    expect(
      notes.some(
        (n: { caseId: number; kind: string; text: string }) =>
          n.caseId === id && n.kind === 'case.to_close' && n.text.includes('待结案'),
      ),
    ).toBe(true);
  });

  it('lets the dispatcher record the answer, which counts in the satisfaction rate', async () => {
    const id = await closedHotlineCase('夜间施工扰民 2');
    const before = (await ctx.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: s.staff!.headers })).json()
      .data;
    expect(before.abilities).toContain('revisit');
    const after = await actOk(ctx.app, s.staff!, id, 'revisit', { score: 5, note: '电话回访，来电人表示满意' });
    expect(after.state).toBe('rated');
    const detail = (await ctx.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: s.staff!.headers })).json()
      .data;
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'revisit', note: '电话回访，来电人表示满意' });
    const figures = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/cases/indicators?from=${today}&to=${today}&groupBy=community`,
        headers: s.secretary!.headers,
      })
    ).json().data.totals;
    expect(figures.satisfactionRate).toBe(100);
  });

  it('refuses a revisit to other roles, and to cases whose reporter rates them', async () => {
    const id = await closedHotlineCase('夜间施工扰民 3');
    for (const who of ['gridworker', 'dept', 'member', 'resident'])
      expect((await act(ctx.app, s[who]!, id, 'revisit', { score: 5 }))!.statusCode, who).toBeOneOf([403, 404]);
    expect((await act(ctx.app, s.staff!, id, 'revisit', {})).statusCode).toBe(422);

    const own = await report(ctx.app, s.resident!, {
      title: '楼道噪音',
      description: '深夜有人喧哗',
      ...(await pointInGrid(ctx, grid1().id)),
    });
    await actOk(ctx.app, s.secretary!, own.id, 'accept', { categoryId: noise });
    await actOk(ctx.app, s.secretary!, own.id, 'dispatch', { level: 'grid' });
    await actOk(ctx.app, s.gridworker!, own.id, 'sign');
    await actOk(ctx.app, s.gridworker!, own.id, 'handle', { feedback: '已劝导' });
    await actOk(ctx.app, s.gridworker!, own.id, 'verify');
    await actOk(ctx.app, s.secretary!, own.id, 'close');
    expect((await act(ctx.app, s.staff!, own.id, 'revisit', { score: 5 })).statusCode).toBe(403);
  });

  it('reopens an unsatisfied case through its dispatcher, not a satisfied one', async () => {
    const unhappy = await closedHotlineCase('夜间施工扰民 4');
    await actOk(ctx.app, s.staff!, unhappy, 'revisit', { score: 1, note: '来电人表示仍有噪音' });
    expect((await act(ctx.app, s.gridworker!, unhappy, 'reopen', { reason: '回访不满意' })).statusCode).toBe(403);
    const reopened = await actOk(ctx.app, s.staff!, unhappy, 'reopen', { reason: '回访不满意，重新办理' });
    expect(reopened.state).toBe('accepted');

    const happy = await closedHotlineCase('夜间施工扰民 5');
    await actOk(ctx.app, s.staff!, happy, 'revisit', { score: 4 });
    expect((await act(ctx.app, s.staff!, happy, 'reopen', { reason: '想重新办理' })).statusCode).toBe(403);
  });
});
