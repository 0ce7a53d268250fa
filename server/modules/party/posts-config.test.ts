import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../platform/db/tx.ts';
import { users } from '../accounts/schema.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { awardPoints } from './points.ts';
import { partyMembers, partyServiceItems } from './schema.ts';
import { seedParty } from './seed.ts';

let ctx: TestContext;
let secretary: Session;
let community: number;
const post = (over: Record<string, unknown> = {}) => ({
  name: '环境卫生监督员',
  duties: '监督楼道卫生',
  period: 'month',
  targetPoints: 8,
  items: [{ code: 'hygiene_check', label: '检查楼道卫生一次', sourceKind: 'manual', points: 2 }],
  ...over,
});

beforeAll(async () => {
  ctx = await createTestApp();
  await withTx(ctx.db, (tx) => seedParty(tx, ctx.seed.tree));
  community = ctx.seed.tree.streets[0]!.communities[0]!.id;
  secretary = await loginAs(ctx.app, 'secretary');
});
afterAll(async () => {
  await ctx.close();
});

const create = (s: Session, body: Record<string, unknown>, c = community) =>
  ctx.app.inject({ method: 'POST', url: `/api/party/communities/${c}/posts`, headers: s.headers, payload: body });

describe('configuring posts and service items', () => {
  it('creates a post whose items then earn points', async () => {
    const res = await create(secretary, post());
    expect(res.statusCode).toBe(201);
    const list = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/party/communities/${community}/posts`,
        headers: secretary.headers,
      })
    ).json().data;
    expect(list.find((p: { name: string }) => p.name === '环境卫生监督员')).toMatchObject({
      targetPoints: 8,
      items: [{ code: 'hygiene_check', points: 2 }],
    });
    const [member] = await ctx.db
      .select({ id: partyMembers.id })
      .from(partyMembers)
      .innerJoin(users, eq(users.id, partyMembers.userId))
      .where(eq(users.username, 'member'));
    const award = await withTx(ctx.db, (tx) =>
      awardPoints(tx, {
        memberId: member!.id,
        sourceKind: 'manual',
        itemCode: 'hygiene_check',
        sourceId: 'cfg-1',
        occurredAt: new Date(),
      }),
    );
    expect(award).toMatchObject({ created: true, points: 2 });
  });

  it('edits target and items: changed points apply, a removed item is gone, a new one is added', async () => {
    const list = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/party/communities/${community}/posts`,
        headers: secretary.headers,
      })
    ).json().data;
    const id = list.find((p: { name: string }) => p.name === '环境卫生监督员').id;
    const res = await ctx.app.inject({
      method: 'PUT',
      url: `/api/party/posts/${id}`,
      headers: secretary.headers,
      payload: post({
        targetPoints: 12,
        items: [{ code: 'garbage_sorting', label: '垃圾分类督导一次', sourceKind: 'manual', points: 3 }],
      }),
    });
    expect(res.statusCode).toBe(200);
    const items = await ctx.db.select().from(partyServiceItems).where(eq(partyServiceItems.postId, id));
    expect(items.map((i) => [i.code, i.points])).toEqual([['garbage_sorting', 3]]);
    expect(res.json().data.targetPoints).toBe(12);
  });

  it('answers field errors in Chinese: bad code, duplicate code, a code of another post, a duplicate name (422/409)', async () => {
    const bad = await create(
      secretary,
      post({ name: '新岗位', items: [{ code: '9x', label: '项', sourceKind: 'manual', points: 0 }] }),
    );
    expect(bad.statusCode).toBe(422);
    const paths = bad.json().error.details.map((d: { path: string; message: string }) => [d.path, d.message]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['items.0.code', expect.stringMatching(/小写字母/)],
        ['items.0.label', '服务项目名称至少 2 个字'],
        ['items.0.points', '分值至少 1 分'],
      ]),
    );
    const twice = await create(
      secretary,
      post({
        name: '新岗位',
        items: [
          { code: 'aa_1', label: '项目一', sourceKind: 'manual', points: 1 },
          { code: 'aa_1', label: '项目二', sourceKind: 'manual', points: 1 },
        ],
      }),
    );
    expect(twice.json().error.details).toEqual([{ path: 'items.1.code', message: '同一岗位内服务项目编码不能重复' }]);
    const other = await create(
      secretary,
      post({ name: '新岗位', items: [{ code: 'legal_promo', label: '宣讲', sourceKind: 'manual', points: 1 }] }),
    );
    expect([other.statusCode, other.json().error.details]).toEqual([
      422,
      [{ path: 'items.0.code', message: '该编码已被本社区其他岗位使用' }],
    ]);
    const dup = await create(
      secretary,
      post({ name: '平安建设宣传员', items: [{ code: 'new_code', label: '新项目', sourceKind: 'manual', points: 1 }] }),
    );
    expect([dup.statusCode, dup.json().error.details]).toEqual([
      409,
      [{ path: 'name', message: '本社区已有同名岗位' }],
    ]);
  });

  it.each([
    ['staff', 201],
    ['street', 201],
    ['gridworker', 404],
    ['member', 404],
    ['counit', 403],
    ['resident', 404],
  ] as const)('%s creating a post in the demo community → %i', async (username, status) => {
    const s = await loginAs(ctx.app, username);
    const res = await create(
      s,
      post({
        name: `岗位${username}`,
        items: [{ code: `code_${username}`, label: '项目一', sourceKind: 'manual', points: 1 }],
      }),
    );
    expect(res.statusCode).toBe(status);
  });

  it("keeps another community out of the secretary's reach (404)", async () => {
    const other = ctx.seed.tree.streets[0]!.communities[1]!.id;
    expect((await create(secretary, post({ name: '外社区岗位' }), other)).statusCode).toBe(404);
  });
});
