import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { actOk, categoryId, pointInGrid, report } from '../cases/test-helpers.ts';
import { notifyChoices, notifyDeliveries, notifySettings } from './schema.ts';

/** FixMyStreet-style alerts: a resident subscribed to their community hears of new and closed cases there. */
let ctx: TestContext;
const s: Record<string, Session> = {};
let memberId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['resident', 'member', 'secretary', 'dept', 'gridworker', 'volunteer'])
    s[u] = await loginAs(ctx.app, u);
  memberId = (await ctx.pool.query(`select id from users where username = 'member'`)).rows[0].id;
});
afterAll(async () => {
  await ctx.close();
});

const community = () => ctx.seed.tree.streets[0]!.communities[0]!;
const notices = async (who: Session) =>
  (await ctx.app.inject({ method: 'GET', url: '/api/notifications', headers: who.headers })).json().data as {
    kind: string;
    text: string;
  }[];

describe('area alerts', () => {
  it('offers the grid and community the user lives in, and refuses another community', async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/notify/areas', headers: s.member!.headers })).json();
    expect(list.choices.map((c: { id: number }) => c.id).sort()).toEqual(
      [community().id, community().grids[0]!.id].sort(),
    );
    const other = ctx.seed.tree.streets[0]!.communities[1]!;
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/notify/areas',
      headers: s.member!.headers,
      payload: { nodeId: other.id, onNew: true, onClosed: true },
    });
    expect(refused.statusCode).toBe(404);
    const neither = await ctx.app.inject({
      method: 'POST',
      url: '/api/notify/areas',
      headers: s.member!.headers,
      payload: { nodeId: community().id, onNew: false, onClosed: false },
    });
    expect(neither.statusCode).toBe(422);
    expect(neither.json().error.details[0].path).toBe('onNew');
  });

  it('notifies in the app and on the chosen channel when a case is reported and when it is closed', async () => {
    const sub = await ctx.app.inject({
      method: 'POST',
      url: '/api/notify/areas',
      headers: s.member!.headers,
      payload: { nodeId: community().id, onNew: true, onClosed: true },
    });
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json().data).toMatchObject({ nodeName: community().name, onNew: true, onClosed: true });
    await ctx.db.insert(notifySettings).values({ userId: memberId, email: 'member@example.cn' });
    await ctx.db.insert(notifyChoices).values({ userId: memberId, topic: 'area', channel: 'email' });

    const created = await report(ctx.app, s.resident!, {
      title: '小区路灯不亮',
      description: '3幢门口路灯坏了一周',
      ...(await pointInGrid(ctx, community().grids[0]!.id)),
    });
    expect((await notices(s.member!)).filter((n) => n.kind === 'area.new')).toEqual([
      expect.objectContaining({ text: expect.stringContaining('小区路灯不亮') }),
    ]);
    // Not subscribed: another user of the community hears nothing.
    expect((await notices(s.volunteer!)).some((n) => n.kind.startsWith('area.'))).toBe(false);

    await actOk(ctx.app, s.secretary!, created.id, 'accept', { categoryId: await categoryId(ctx, '暴露垃圾') });
    await actOk(ctx.app, s.secretary!, created.id, 'dispatch', {});
    await actOk(ctx.app, s.dept!, created.id, 'sign');
    await actOk(ctx.app, s.dept!, created.id, 'handle', { feedback: '已更换灯泡' });
    await actOk(ctx.app, s.gridworker!, created.id, 'verify', { note: '现场已修复' });
    await actOk(ctx.app, s.secretary!, created.id, 'close');
    expect((await notices(s.member!)).some((n) => n.kind === 'area.closed' && n.text.includes('已结案'))).toBe(true);

    const mail = await ctx.db.select().from(notifyDeliveries).where(eq(notifyDeliveries.userId, memberId));
    expect(mail.map((d) => [d.kind, d.channel, d.recipientMasked]).sort()).toEqual([
      ['area.closed', 'email', 'm***@example.cn'],
      ['area.new', 'email', 'm***@example.cn'],
    ]);
  });

  it('announces cases filed in bulk (a hotline file) in the subscribed area, and only there', async () => {
    const inside = await pointInGrid(ctx, community().grids[0]!.id);
    const elsewhere = await pointInGrid(ctx, ctx.seed.tree.streets[1]!.communities[0]!.grids[0]!.id);
    const file = [
      '工单号,诉求标题,诉求内容,来电人,经度,纬度',
      `AREA0001,楼道堆物,三楼楼道堆放杂物,市民甲,${inside.lng},${inside.lat}`,
      `AREA0002,噪音扰民,夜间施工噪音,市民乙,${elsewhere.lng},${elsewhere.lat}`,
    ].join('\n');
    const boundary = '----area';
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases/import',
      headers: { ...s.secretary!.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="area.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        Buffer.from(file),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(res.statusCode, res.body).toBe(200);
    const areaNew = (await notices(s.member!)).filter((n) => n.kind === 'area.new');
    expect(areaNew.some((n) => n.text.includes('楼道堆物'))).toBe(true);
    expect(areaNew.some((n) => n.text.includes('噪音扰民'))).toBe(false);
  });

  it('stops after unsubscribing', async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/notify/areas', headers: s.member!.headers })).json();
    const id = list.data[0].id;
    const foreign = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/notify/areas/${id}`,
      headers: s.volunteer!.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const res = await ctx.app.inject({ method: 'DELETE', url: `/api/notify/areas/${id}`, headers: s.member!.headers });
    expect(res.statusCode).toBe(204);
    await report(ctx.app, s.resident!, {
      title: '井盖缺失',
      description: '路口井盖缺失',
      ...(await pointInGrid(ctx, community().grids[0]!.id)),
    });
    expect((await notices(s.member!)).filter((n) => n.kind === 'area.new')).toHaveLength(2);
  });
});
