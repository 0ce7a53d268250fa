import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

type Target = 'own' | 'street1' | 'street2' | 'community1' | 'grid1';
const ROUTES = ['/api/analytics/bigscreen/base', '/api/analytics/bigscreen/cases', '/api/analytics/map/layers'];

/** Expected status per account and node asked for (own = no nodeId: the account's scope node). */
const MATRIX: Record<string, Record<Target, number>> = {
  admin: { own: 200, street1: 200, street2: 200, community1: 200, grid1: 200 },
  street: { own: 200, street1: 200, street2: 404, community1: 200, grid1: 200 },
  secretary: { own: 200, street1: 404, street2: 404, community1: 200, grid1: 200 },
  staff: { own: 200, street1: 404, street2: 404, community1: 200, grid1: 200 },
  gridworker: { own: 200, street1: 404, street2: 404, community1: 404, grid1: 200 },
  leader: { own: 403, street1: 403, street2: 403, community1: 403, grid1: 403 },
  member: { own: 403, street1: 403, street2: 403, community1: 403, grid1: 403 },
  volunteer: { own: 403, street1: 403, street2: 403, community1: 403, grid1: 403 },
  resident: { own: 403, street1: 403, street2: 403, community1: 403, grid1: 403 },
  dept: { own: 403, street1: 403, street2: 403, community1: 403, grid1: 403 },
  property: { own: 403, street1: 403, street2: 403, community1: 403, grid1: 403 },
  counit: { own: 403, street1: 403, street2: 403, community1: 403, grid1: 403 },
};

describe('who sees which dashboard', () => {
  it('answers every role × node × route as the table says', async () => {
    const t = ctx.seed.tree;
    const ids: Record<Target, number | null> = {
      own: null,
      street1: t.streets[0]!.id,
      street2: t.streets[1]!.id,
      community1: t.streets[0]!.communities[0]!.id,
      grid1: t.streets[0]!.communities[0]!.grids[0]!.id,
    };
    const seen: Record<string, Record<string, number>> = {};
    for (const username of Object.keys(MATRIX)) {
      const s = await loginAs(ctx.app, username);
      seen[username] = {};
      for (const [target, id] of Object.entries(ids)) {
        const statuses = new Set<number>();
        for (const route of ROUTES)
          statuses.add(
            (await ctx.app.inject({ method: 'GET', url: id ? `${route}?nodeId=${id}` : route, headers: s.headers }))
              .statusCode,
          );
        seen[username][target] = statuses.size === 1 ? [...statuses][0]! : -1;
      }
    }
    expect(seen).toEqual(MATRIX);
  });

  it('opens a grid card only for a grid inside the scope', async () => {
    const t = ctx.seed.tree;
    const card = async (username: string, id: number) =>
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/analytics/grids/${id}`,
          headers: (await loginAs(ctx.app, username)).headers,
        })
      ).statusCode;
    expect(await card('secretary', t.streets[0]!.communities[0]!.grids[0]!.id)).toBe(200);
    expect(await card('secretary', t.streets[0]!.communities[1]!.grids[0]!.id)).toBe(404);
    expect(await card('street', t.streets[0]!.communities[0]!.id)).toBe(404);
    expect(await card('resident', t.streets[0]!.communities[0]!.grids[0]!.id)).toBe(403);
  });
});
