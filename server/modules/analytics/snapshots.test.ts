import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { refreshSnapshots } from './snapshots.ts';
import { allProviders } from './registry.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

async function members(username: string, nodeId?: number): Promise<number> {
  const s = await loginAs(ctx.app, username);
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/analytics/bigscreen/base${nodeId ? `?nodeId=${nodeId}` : ''}`,
    headers: s.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data.counts.members;
}

const community = () => ctx.seed.tree.streets[0]!.communities[0]!;
const countUnder = async (path: string) =>
  (
    await ctx.pool.query(`select count(*)::int as n from party_members where left_on is null and branch_path like $1`, [
      `${path}%`,
    ])
  ).rows[0].n as number;

describe('snapshot figures', () => {
  it('keeps a value per node above grid level and serves it until the next refresh', async () => {
    const before = await countUnder(community().path);
    expect(before).toBeGreaterThan(0);
    const written = await refreshSnapshots(ctx.db, allProviders());
    const {
      rows: [{ n: nodes }],
    } = await ctx.pool.query(
      `select count(*)::int as n from org_nodes where level in ('district', 'street', 'community')`,
    );
    expect(written).toBe(5 * nodes);

    // A member leaves: the community's big screen keeps the snapshot until the job runs again.
    await ctx.pool.query(
      `update party_members set left_on = current_date where id = (select min(id) from party_members where left_on is null and branch_path like $1)`,
      [`${community().path}%`],
    );
    expect(await members('secretary')).toBe(before);
    await refreshSnapshots(ctx.db, allProviders());
    expect(await members('secretary')).toBe(before - 1);
  });

  it('computes a grid live, and any node live once its snapshot is stale', async () => {
    const grid = community().grids[0]!;
    await ctx.pool.query(
      `update party_members set left_on = current_date where id = (select min(id) from party_members where left_on is null and branch_path like $1)`,
      [`${grid.path}%`],
    );
    expect(await members('secretary', grid.id)).toBe(await countUnder(grid.path));
    const now = await countUnder(community().path);
    expect(await members('secretary')).toBe(now + 1);
    await ctx.pool.query(`update analytics_snapshots set computed_at = now() - interval '1 hour'`);
    expect(await members('secretary')).toBe(now);
  });
});
