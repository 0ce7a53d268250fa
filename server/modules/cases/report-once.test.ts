import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { pointInGrid, uploadCasePhoto } from './test-helpers.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['gridworker', 'resident']) s[u] = await loginAs(ctx.app, u);
});
afterAll(async () => {
  await ctx.close();
});

const grid = () => ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;

const post = (session: Session, body: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: '/api/cases', headers: session.headers, payload: body });

async function casesWithRef(clientRef: string): Promise<{ id: number; entered_by_user_id: number }[]> {
  const { rows } = await ctx.pool.query(
    `select id::int, entered_by_user_id from cases where client_ref = $1 order by id`,
    [clientRef],
  );
  return rows;
}

describe('report with a client reference (offline queue)', () => {
  it('files one case when the same report is sent twice, the second answered 200 with the same case', async () => {
    const clientRef = randomUUID();
    const photoId = await uploadCasePhoto(ctx.app, s.gridworker!);
    const body = {
      title: '巡查发现井盖缺失',
      description: '5 号楼北侧井盖缺失（现场记录于 2026-12-07 09:12）',
      photoIds: [photoId],
      clientRef,
      ...(await pointInGrid(ctx, grid().id)),
    };
    const first = await post(s.gridworker!, body);
    expect(first.statusCode, first.body).toBe(201);
    // The response was lost: the phone sends the very same report, photos included, again.
    const again = await post(s.gridworker!, body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().data.id).toBe(first.json().data.id);
    expect(again.json().data.caseNo).toBe(first.json().data.caseNo);
    expect(await casesWithRef(clientRef)).toHaveLength(1);
  });

  it('files one case when two copies race each other', async () => {
    const clientRef = randomUUID();
    const body = {
      title: '路灯不亮',
      description: '小区东门路灯不亮',
      clientRef,
      ...(await pointInGrid(ctx, grid().id)),
    };
    const [a, b] = await Promise.all([post(s.gridworker!, body), post(s.gridworker!, body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().data.id).toBe(b.json().data.id);
    expect(await casesWithRef(clientRef)).toHaveLength(1);
  });

  it('keeps the reference per account: another reporter with the same reference files a case of their own', async () => {
    const clientRef = randomUUID();
    const pin = await pointInGrid(ctx, grid().id);
    const mine = await post(s.gridworker!, {
      title: '绿化带垃圾',
      description: '绿化带内有建筑垃圾',
      clientRef,
      ...pin,
    });
    const theirs = await post(s.resident!, {
      title: '绿化带垃圾',
      description: '绿化带内有建筑垃圾',
      clientRef,
      ...pin,
    });
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().data.id).not.toBe(mine.json().data.id);
    expect(await casesWithRef(clientRef)).toHaveLength(2);
  });

  it('passes a rejection on unchanged and files nothing; the corrected resend then files the case', async () => {
    const clientRef = randomUUID();
    const body = { title: '占道经营', description: '早市摊位占用人行道', clientRef };
    const outside = await post(s.gridworker!, { ...body, lng: 0.5, lat: 0.5 });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.details[0]).toEqual({
      path: 'lng',
      message: '该位置不在任何网格内，请重新选点或只填写地址',
    });
    expect(await casesWithRef(clientRef)).toHaveLength(0);
    const fixed = await post(s.gridworker!, { ...body, ...(await pointInGrid(ctx, grid().id)) });
    expect(fixed.statusCode, fixed.body).toBe(201);
  });

  it('refuses a reference that is not a UUID with 422', async () => {
    const res = await post(s.gridworker!, {
      title: '占道经营',
      description: '早市摊位占用人行道',
      clientRef: 'not-a-uuid',
      ...(await pointInGrid(ctx, grid().id)),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('clientRef');
  });
});
