import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../platform/db/tx.ts';
import { liveEvents } from '../../platform/jobs/schema.ts';
import { users } from '../accounts/schema.ts';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { raiseAlerts } from './alerts.ts';
import { computeHonorList } from './honor-list.ts';
import { awardPoints } from './points.ts';
import { partyAlerts, partyMembers, partyPoints } from './schema.ts';
import { seedParty } from './seed.ts';

let ctx: TestContext;
let memberUserId: number;
let memberId: number;
let branchId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  await withTx(ctx.db, (tx) => seedParty(tx, ctx.seed.tree));
  const [u] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'member'));
  memberUserId = u!.id;
  const [m] = await ctx.db.select().from(partyMembers).where(eq(partyMembers.userId, memberUserId));
  memberId = m!.id;
  branchId = m!.branchOrgId;
});
afterAll(async () => {
  await ctx.close();
});

const pointsOf = async (id: number) =>
  (
    await ctx.db
      .select({ n: sql<number>`coalesce(sum(points),0)::int` })
      .from(partyPoints)
      .where(eq(partyPoints.memberId, id))
  )[0]!.n;

describe('awardPoints', () => {
  it.each([
    ['case.accepted', 2, 1],
    ['meeting.attended', 1, 1],
    ['wish.fulfilled', 5, 1],
    ['volunteer.hour', 3, 3],
  ] as const)('credits %s once, however often the source replays it', async (sourceKind, expected, quantity) => {
    const before = await pointsOf(memberId);
    const input = { memberUserId, sourceKind, sourceId: `src-${sourceKind}`, occurredAt: new Date(), quantity };
    const first = await withTx(ctx.db, (tx) => awardPoints(tx, input));
    const replays = await Promise.all(
      [1, 2, 3].map(() => withTx(ctx.db, (tx) => awardPoints(tx, input)).catch((e: unknown) => e)),
    );
    expect(first).toMatchObject({ created: true, points: expected });
    for (const r of replays) expect(r).toMatchObject({ created: false });
    expect(await pointsOf(memberId)).toBe(before + expected);
  });

  it('gives nothing to a user who is not a party member', async () => {
    const [resident] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'resident'));
    expect(
      await withTx(ctx.db, (tx) =>
        awardPoints(tx, {
          memberUserId: resident!.id,
          sourceKind: 'case.accepted',
          sourceId: 1,
          occurredAt: new Date(),
        }),
      ),
    ).toBeNull();
  });

  it('keeps a branch-entered record once when the form is submitted twice', async () => {
    const s = await loginAs(ctx.app, 'secretary');
    const payload = {
      itemCode: 'safety_patrol',
      occurredAt: new Date().toISOString(),
      evidence: '巡防签到表照片',
      entryKey: '5d0c7c3e-8a3b-4a51-9b43-1f6f3e2a9b10',
    };
    const before = await pointsOf(memberId);
    const [a, b] = await Promise.all(
      [1, 2].map(() =>
        ctx.app.inject({ method: 'POST', url: `/api/party/members/${memberId}/points`, headers: s.headers, payload }),
      ),
    );
    expect([a!.statusCode, b!.statusCode]).toEqual([200, 200]);
    expect(await pointsOf(memberId)).toBe(before + 2);
  });

  it('refuses a branch entry without evidence (422 with the field)', async () => {
    const s = await loginAs(ctx.app, 'secretary');
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/party/members/${memberId}/points`,
      headers: s.headers,
      payload: {
        itemCode: 'safety_patrol',
        occurredAt: new Date().toISOString(),
        evidence: '',
        entryKey: '5d0c7c3e-8a3b-4a51-9b43-1f6f3e2a9b11',
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('evidence');
  });

  it('shows the member where every point came from', async () => {
    const s = await loginAs(ctx.app, 'member');
    const res = await ctx.app.inject({ method: 'GET', url: '/api/party/me/record', headers: s.headers });
    const body = res.json();
    expect(body.bySource.map((b: { sourceKind: string }) => b.sourceKind).sort()).toEqual([
      'case.accepted',
      'manual',
      'meeting.attended',
      'volunteer.hour',
      'wish.fulfilled',
    ]);
    expect(body.data.every((r: { sourceId: string }) => r.sourceId)).toBe(true);
  });

  it('pages the record newest first by keyset, ties on the same instant included, each row once', async () => {
    const same = new Date(Date.UTC(2025, 0, 1, 4));
    for (let k = 0; k < 5; k++)
      await withTx(ctx.db, (tx) =>
        awardPoints(tx, {
          memberId,
          sourceKind: 'manual',
          itemCode: 'legal_promo',
          sourceId: `tie-${k}`,
          occurredAt: same,
        }),
      );
    const s = await loginAs(ctx.app, 'member');
    const all = (
      await ctx.app.inject({ method: 'GET', url: '/api/party/me/record?pageSize=200', headers: s.headers })
    ).json();
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const page: { data: { id: number }[]; page: { total: number; next: number | null } } = (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/party/me/record?pageSize=3${before ? `&before=${before}` : ''}`,
          headers: s.headers,
        })
      ).json();
      seen.push(...page.data.map((r) => r.id));
      expect(page.page.total).toBe(all.page.total);
      before = page.page.next;
    } while (before);
    expect(seen).toEqual(all.data.map((r: { id: number }) => r.id));
    expect(seen).toHaveLength(all.page.total);
    const times = all.data.map((r: { occurredAt: string; id: number }) => [Date.parse(r.occurredAt), r.id]);
    for (let i = 1; i < times.length; i++)
      expect(times[i - 1][0] > times[i][0] || (times[i - 1][0] === times[i][0] && times[i - 1][1] > times[i][1])).toBe(
        true,
      );
  });
});

describe('automatic alerts', () => {
  // April 2026 in Asia/Shanghai; the demo member's approved post asks for 6 points a month.
  const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 3, day, hour - 8));

  it('raises no alert in the first half of the month and one alert, once, when behind at mid-month', async () => {
    expect((await raiseAlerts(ctx.db, at(10))).raised).toBe(0);
    const first = await raiseAlerts(ctx.db, at(20));
    const again = await raiseAlerts(ctx.db, at(25));
    expect(first.raised).toBeGreaterThan(0);
    expect(again.raised).toBe(0);
    const mine = await ctx.db.select().from(partyAlerts).where(eq(partyAlerts.memberId, memberId));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ periodKey: '2026-04', kind: 'behind_pace', points: 0, target: 6 });
    const notes = await ctx.db.select().from(liveEvents).where(eq(liveEvents.topic, 'party.alert'));
    expect(notes.filter((n) => n.userId === memberUserId)).toHaveLength(1);
  });

  it('raises no alert for a member on pace', async () => {
    await withTx(ctx.db, (tx) =>
      awardPoints(tx, {
        memberId,
        sourceKind: 'manual',
        itemCode: 'legal_promo',
        sourceId: 'may-1',
        occurredAt: new Date(Date.UTC(2026, 4, 2)),
        quantity: 4,
      }),
    );
    await raiseAlerts(ctx.db, new Date(Date.UTC(2026, 4, 20)));
    const may = await ctx.db
      .select()
      .from(partyAlerts)
      .where(sql`${partyAlerts.memberId} = ${memberId} and ${partyAlerts.periodKey} = '2026-05'`);
    expect(may).toHaveLength(0);
  });
});

describe('red/yellow list', () => {
  it('is the same for a past month before and after later activity', async () => {
    const before = await computeHonorList(ctx.db, 'branch', branchId, '2026-04');
    await withTx(ctx.db, (tx) =>
      awardPoints(tx, {
        memberId,
        sourceKind: 'manual',
        itemCode: 'legal_promo',
        sourceId: 'june',
        occurredAt: new Date(Date.UTC(2026, 5, 2)),
      }),
    );
    const after = await computeHonorList(ctx.db, 'branch', branchId, '2026-04');
    expect(after).toEqual(before);
    expect(before.members).toBe(8);
  });

  it('publishes a finished month once, after the secretary confirms', async () => {
    const s = await loginAs(ctx.app, 'secretary');
    const url = `/api/party/branches/${branchId}/honor-list`;
    const first = await ctx.app.inject({ method: 'POST', url, headers: s.headers, payload: { month: '2026-01' } });
    const second = await ctx.app.inject({ method: 'POST', url, headers: s.headers, payload: { month: '2026-01' } });
    expect([first.statusCode, second.statusCode]).toEqual([201, 409]);
    const got = await ctx.app.inject({ method: 'GET', url: `${url}?month=2026-01`, headers: s.headers });
    expect(got.json().data.published.snapshot).toEqual(got.json().data.computed);
  });
});
