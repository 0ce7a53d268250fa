import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../platform/db/tx.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { seedCommunityLifeFor } from '../services/test-seed.ts';
import { seedDemoMeetings } from '../meetings/index.ts';
import { seedDemoParticipation } from './index.ts';
import { consultationInput, createVia, multipartFile, shanghaiIso } from './testing/fixtures.ts';

let ctx: TestContext;
let staff: Session;
let resident: Session;
let member: Session;
let communityCode: string;
let community: { id: number; path: string; name: string };
const anon = { headers: {} } as Session;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedCommunityLifeFor(ctx);
  const c1 = ctx.seed.tree.streets[0]!.communities[0]!;
  community = { id: c1.id, path: c1.path, name: c1.name };
  await withTx(ctx.db, async (tx) => {
    await seedDemoMeetings(tx, community);
    await seedDemoParticipation(tx, community);
  });
  [staff, resident, member] = (await Promise.all(['staff', 'resident', 'member'].map((u) => loginAs(ctx.app, u)))) as [
    Session,
    Session,
    Session,
  ];
  communityCode = (await ctx.pool.query(`select code from org_nodes where id = $1`, [c1.id])).rows[0].code;
});
afterAll(async () => {
  await ctx.close();
});

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

describe('consultations', () => {
  it('hides a comment with a reason (audited): other residents no longer see it, its author and staff do', async () => {
    const id = await createVia(ctx, staff, '/api/participation/consultations', consultationInput(community.id));
    const posted = await call(resident, 'POST', `/api/participation/consultations/${id}/comments`, {
      body: '广告内容',
    });
    expect(posted.statusCode).toBe(201);
    const commentId = posted.json().data.id;
    const noReason = await call(staff, 'POST', `/api/participation/consultations/${id}/comments/${commentId}/hide`, {
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.details[0].path).toBe('reason');
    const hidden = await call(staff, 'POST', `/api/participation/consultations/${id}/comments/${commentId}/hide`, {
      reason: '与方案无关的广告',
    });
    expect(hidden.json().data).toMatchObject({ hidden: true, hiddenReason: '与方案无关的广告' });
    const seen = async (s: Session) =>
      (await call(s, 'GET', `/api/participation/consultations/${id}/comments`))
        .json()
        .data.map((c: { id: number }) => c.id);
    expect(await seen(member)).toEqual([]);
    expect(await seen(resident)).toEqual([commentId]);
    expect(await seen(staff)).toEqual([commentId]);
    const audit = await ctx.pool.query(
      `select summary from audit_log where action = 'participation.comment.hide' and target_id = $1`,
      [String(commentId)],
    );
    expect(audit.rows[0].summary).toMatchObject({ reason: '与方案无关的广告' });

    const answered = await call(staff, 'POST', `/api/participation/consultations/${id}/response`, {
      summary: '共收到意见 1 条，已按规定处理。',
    });
    expect(answered.json().data).toMatchObject({ responseSummary: '共收到意见 1 条，已按规定处理。' });
  });

  it('takes comments only while the consultation is open (409 after its close)', async () => {
    const past = {
      ...consultationInput(community.id),
      opensAt: shanghaiIso(Date.now() - 3 * 86_400_000),
      closesAt: shanghaiIso(Date.now() - 86_400_000),
    };
    const id = await createVia(ctx, staff, '/api/participation/consultations', past);
    const res = await call(resident, 'POST', `/api/participation/consultations/${id}/comments`, { body: '晚了' });
    expect(res.statusCode).toBe(409);
    const detail = (await call(resident, 'GET', `/api/participation/consultations/${id}`)).json();
    expect(detail.data.phase).toBe('closed');
    expect(detail.abilities).toEqual([]);
  });

  it('stores attachments in the shared file store; residents and the portal download them', async () => {
    const id = await createVia(ctx, staff, '/api/participation/consultations', consultationInput(community.id));
    const bytes = Buffer.from('%PDF-1.4 方案文本');
    const body = multipartFile('plan.pdf', bytes);
    const up = await ctx.app.inject({
      method: 'POST',
      url: `/api/participation/consultations/${id}/attachments`,
      headers: { ...staff.headers, ...body.headers },
      payload: body.payload,
    });
    expect(up.statusCode).toBe(201);
    const attachment = up.json().data;
    expect(attachment).toMatchObject({ name: 'plan.pdf', bytes: bytes.length });
    const refused = multipartFile('run.sh', Buffer.from('echo'));
    const bad = await ctx.app.inject({
      method: 'POST',
      url: `/api/participation/consultations/${id}/attachments`,
      headers: { ...staff.headers, ...refused.headers },
      payload: refused.payload,
    });
    expect(bad.statusCode).toBe(422);
    const asResident = await call(resident, 'GET', `/api/participation/attachments/${attachment.id}`);
    expect(asResident.statusCode).toBe(200);
    expect(asResident.rawPayload.equals(bytes)).toBe(true);
    const pub = await call(anon, 'GET', `/api/public/portal/${communityCode}/attachments/${attachment.id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.rawPayload.equals(bytes)).toBe(true);
    // The same attachment through another community's portal is not there.
    const other = (
      await ctx.pool.query(`select code from org_nodes where id = $1`, [ctx.seed.tree.streets[1]!.communities[0]!.id])
    ).rows[0].code;
    expect((await call(anon, 'GET', `/api/public/portal/${other}/attachments/${attachment.id}`)).statusCode).toBe(404);
  });
});

describe('public portal (完美社区网)', () => {
  it('shows a community its published items without login, and no personal data', async () => {
    const board = (await ctx.pool.query(`select id from boards where node_id = $1`, [community.id])).rows[0].id;
    await call(staff, 'POST', `/api/boards/${board}/posts`, {
      kind: 'announcement',
      title: '停水通知',
      body: '周六停水',
    });
    await call(resident, 'POST', `/api/boards/${board}/posts`, { kind: 'post', title: '寻猫启事', body: '橘猫' });
    const res = await call(anon, 'GET', `/api/public/portal/${communityCode}`);
    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    expect(data.community).toMatchObject({ code: communityCode, name: community.name });
    expect(data.notices.map((n: { title: string }) => n.title)).toEqual(['停水通知']);
    expect(data.consultations.map((c: { title: string }) => c.title)).toContain(
      '老旧小区加装电梯及停车位改造方案征求意见',
    );
    // Only the finished round's results: the open one would sway voters.
    expect(data.voteResults.map((r: { title: string }) => r.title)).toEqual(['2026 年上半年微项目投票']);
    expect(data.voteResults[0].results.voters).toBe(4);
    // 四议两公开: only the record whose resolution is published.
    const published = await ctx.pool.query(`select title from decisions where steps_done >= 5 and community_id = $1`, [
      community.id,
    ]);
    expect(data.decisions.map((d: { title: string }) => d.title)).toEqual(published.rows.map((r) => r.title));
    expect(data.decisions.length).toBeGreaterThan(0);

    // No account's name, username or phone anywhere in the page, nor comments or survey texts.
    const users = await ctx.pool.query(`select username, display_name from users`);
    for (const u of users.rows) {
      expect(res.body).not.toContain(u.display_name);
      expect(res.body).not.toContain(`"${u.username}"`);
    }
    expect(res.body).not.toContain('支持加装电梯');
    expect(res.body).not.toContain('希望周末也有便民维修');
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
  });

  it('answers 404 for a code that is not a live community, 422 for a malformed one', async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const gridCode = (await ctx.pool.query(`select code from org_nodes where id = $1`, [grid.id])).rows[0].code;
    expect((await call(anon, 'GET', `/api/public/portal/${gridCode}`)).statusCode).toBe(422);
    expect((await call(anon, 'GET', `/api/public/portal/999999999999`)).statusCode).toBe(404);
    const street = (await ctx.pool.query(`select code from org_nodes where level = 'street' limit 1`)).rows[0].code;
    expect((await call(anon, 'GET', `/api/public/portal/${street.padEnd(12, '0')}`)).statusCode).toBe(404);
  });
});
