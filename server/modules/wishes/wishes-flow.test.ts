import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../platform/db/tx.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { seedParty } from '../party/index.ts';
import { partyPoints } from '../party/schema.ts';
import { releaseExpiredClaims } from './commands/release-expired.ts';
import { wishItems } from './schema.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  await withTx(ctx.db, (tx) => seedParty(tx, ctx.seed.tree));
  for (const u of ['resident', 'secretary', 'member', 'volunteer', 'street', 'gridworker'])
    s[u] = await loginAs(ctx.app, u);
});
afterAll(async () => {
  await ctx.close();
});

const post = (who: string, url: string, payload: unknown) =>
  ctx.app.inject({ method: 'POST', url, headers: s[who]!.headers, payload: payload as object });
const get = (who: string, url: string) => ctx.app.inject({ method: 'GET', url, headers: s[who]!.headers });
const act = (who: string, id: number, action: string, version: number, extra: object = {}) =>
  post(who, `/api/wishes/${id}/transitions`, { action, version, ...extra });

async function publishAndApprove(title: string) {
  const created = await post('resident', '/api/wishes', {
    title,
    description: '想要一套大字版象棋',
    budget: 80,
    beneficiary: { category: 'elderly', name: '张阿婆' },
  });
  expect(created.statusCode).toBe(201);
  const approved = await act('secretary', created.json().data.id, 'approve', 1);
  expect(approved.statusCode).toBe(200);
  return approved.json().data as { id: number; version: number };
}

describe('wish flow', () => {
  it('goes publish → review → claim → fulfil → confirm → thank, crediting the member once', async () => {
    const wish = await publishAndApprove('大字象棋');
    const claimed = await act('member', wish.id, 'claim', wish.version);
    expect(claimed.json().data.state).toBe('claimed');
    const fulfilled = await act('member', wish.id, 'fulfil', claimed.json().data.version, { photo: 'files/chess.jpg' });
    const confirmed = await act('secretary', wish.id, 'confirm', fulfilled.json().data.version);
    expect(confirmed.json().data.state).toBe('confirmed');
    const thanked = await act('resident', wish.id, 'thank', confirmed.json().data.version, { note: '谢谢！' });
    expect(thanked.json().data.state).toBe('thanked');
    const pts = await ctx.db
      .select()
      .from(partyPoints)
      .where(sql`${partyPoints.sourceKind} = 'wish.fulfilled' and ${partyPoints.sourceId} = ${String(wish.id)}`);
    expect(pts).toHaveLength(1);
    expect(pts[0]!.points).toBe(5);
  });

  it('shows the public board without the beneficiary’s name, and the community sees it', async () => {
    const wish = await publishAndApprove('轮椅维修');
    const asVolunteer = (await get('volunteer', `/api/wishes/${wish.id}`)).json().data;
    const asSecretary = (await get('secretary', `/api/wishes/${wish.id}`)).json().data;
    expect(asVolunteer.beneficiaryName).toBeNull();
    expect(asVolunteer.requesterUserId).toBeNull();
    expect(asSecretary.beneficiaryName).toBe('张阿婆');
  });

  it('lets exactly one of two simultaneous claimants win (409 for the other)', async () => {
    const wish = await publishAndApprove('台灯');
    const results = await Promise.all([
      act('member', wish.id, 'claim', wish.version),
      act('volunteer', wish.id, 'claim', wish.version),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it.each([
    ['a claim on an unreviewed wish (not on the board: 404)', 'member', 'claim', 'pending', 404],
    ['a confirmation before fulfilment', 'secretary', 'confirm', 'open', 409],
    ['a resident approving', 'resident', 'approve', 'pending', 403],
    ['a volunteer confirming', 'volunteer', 'confirm', 'open', 403],
  ])('refuses %s', async (_label, who, action, stage, status) => {
    const created = (await post('resident', '/api/wishes', { title: '书包', description: '留守儿童需要书包' })).json()
      .data;
    const wish = stage === 'open' ? (await act('secretary', created.id, 'approve', 1)).json().data : created;
    const res = await act(who as string, wish.id, action as string, wish.version);
    expect(res.statusCode).toBe(status);
  });

  it('hides an unreviewed wish from others (404) and refuses a stale version (409)', async () => {
    const created = (await post('resident', '/api/wishes', { title: '雨伞', description: '需要一把雨伞' })).json().data;
    expect((await get('volunteer', `/api/wishes/${created.id}`)).statusCode).toBe(404);
    expect((await act('secretary', created.id, 'approve', 99)).statusCode).toBe(409);
  });

  it('releases a claim not fulfilled by its deadline, and only that one', async () => {
    const late = await publishAndApprove('收音机');
    const fresh = await publishAndApprove('老花镜');
    await act('member', late.id, 'claim', late.version);
    await act('member', fresh.id, 'claim', fresh.version);
    await ctx.db
      .update(wishItems)
      .set({ claimDueAt: new Date(Date.now() - 60_000) })
      .where(eq(wishItems.id, late.id));
    expect(await releaseExpiredClaims(ctx.db)).toBe(1);
    const [l] = await ctx.db.select().from(wishItems).where(eq(wishItems.id, late.id));
    const [f] = await ctx.db.select().from(wishItems).where(eq(wishItems.id, fresh.id));
    expect([l!.state, l!.claimantUserId, f!.state]).toEqual(['open', null, 'claimed']);
  });

  it('gives staff of another street no management view of the wish', async () => {
    const wish = await publishAndApprove('电饭煲');
    const manage = (await get('street', '/api/wishes?view=manage')).json().data.map((w: { id: number }) => w.id);
    expect(manage).toContain(wish.id);
    const admin2 = await loginAs(ctx.app, `gw${ctx.seed.tree.streets[1]!.communities[0]!.grids[0]!.code}`);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/wishes/${wish.id}/transitions`,
      headers: admin2.headers,
      payload: { action: 'withdraw', version: wish.version },
    });
    expect(res.statusCode).toBe(403);
  });
});
