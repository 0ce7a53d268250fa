import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { pointInGrid, report } from '../cases/test-helpers.ts';
import { houseCodesUnder } from '../people/testing/fixtures.ts';
import { signUpResident } from '../accounts/signup/testing.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

async function todos(s: Session) {
  const res = await ctx.app.inject({ method: 'GET', url: '/api/me/todos', headers: s.headers });
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(
    (res.json().data.items as { key: string; count: number; path: string }[]).map((i) => [i.key, i]),
  );
}

describe('GET /api/me/todos', () => {
  // Every role gets a to-do list of its own, each item linking to the page where it is acted on.
  it.each([
    ['admin', ['cases.toAccept', 'cases.overdue', 'cases.myOpen']],
    ['street', ['cases.toAccept', 'cases.overdue']],
    ['secretary', ['cases.toAccept', 'cases.overdue', 'signups.pending', 'services.toReceive']],
    ['staff', ['cases.toAccept', 'signups.pending']],
    ['gridworker', ['cases.toVerify', 'cases.myOpen', 'services.toReceive']],
    ['leader', ['cases.myOpen', 'volunteers.open', 'services.mine']],
    ['member', ['party.monthPoints', 'wishes.toClaim', 'volunteers.open', 'cases.myOpen']],
    ['volunteer', ['wishes.toClaim', 'volunteers.open', 'volunteers.hours']],
    ['resident', ['cases.myOpen', 'services.mine', 'wishes.mine']],
    ['dept', ['cases.toSign', 'cases.inHand']],
    ['property', ['cases.toSign', 'cases.inHand']],
    ['counit', ['party.coUnitMembers', 'wishes.toClaim']],
  ])('%s sees %j', async (username, keys) => {
    const items = await todos(await loginAs(ctx.app, username));
    for (const key of keys) expect(items[key], `${username}: ${key}`).toBeDefined();
    expect(Object.values(items).every((i) => i.path.startsWith('/'))).toBe(true);
    if (username === 'resident' || username === 'volunteer') expect(items['signups.pending']).toBeUndefined();
  });

  it('counts move with the work: a resident report raises their open count and the dispatchers’ queue', async () => {
    const resident = await loginAs(ctx.app, 'resident');
    const secretary = await loginAs(ctx.app, 'secretary');
    const before = {
      mine: (await todos(resident))['cases.myOpen']!.count,
      queue: (await todos(secretary))['cases.toAccept']!.count,
    };
    const pin = await pointInGrid(ctx, ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!.id);
    await report(ctx.app, resident, {
      title: '楼道灯坏了一周',
      description: '3单元二楼楼道灯不亮，老人上下楼不便',
      ...pin,
    });
    expect((await todos(resident))['cases.myOpen']!.count).toBe(before.mine + 1);
    expect((await todos(secretary))['cases.toAccept']!.count).toBe(before.queue + 1);
    // The street above sees it in its queue too.
    const street = await loginAs(ctx.app, 'street');
    expect((await todos(street))['cases.toAccept']!.count).toBe(before.queue + 1);
  });

  it('a new sign-up shows up in the verifier’s list but not in another community’s', async () => {
    const secretary = await loginAs(ctx.app, 'secretary');
    const before = (await todos(secretary))['signups.pending']!.count;
    const [house] = await houseCodesUnder(ctx.db, ctx.seed.tree.streets[0]!.communities[0]!.path, 1);
    await signUpResident(ctx.app, house!.id);
    expect((await todos(secretary))['signups.pending']!.count).toBe(before + 1);
    const [elsewhere] = await houseCodesUnder(ctx.db, ctx.seed.tree.streets[0]!.communities[1]!.path, 1);
    await signUpResident(ctx.app, elsewhere!.id);
    expect((await todos(secretary))['signups.pending']!.count).toBe(before + 1);
  });
});
