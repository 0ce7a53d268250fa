import type { TestContext } from '../../../test/test-app.ts';
import { shanghaiToday } from '../../../platform/calendar/local-day.ts';

/** YYYY-MM-DD `days` from today in Asia/Shanghai. */
export function dayFromToday(days: number): string {
  return shanghaiToday(new Date(Date.now() + days * 86_400_000));
}

/** The first houses of a building, read from the tree the test seeded. */
export async function housesOfBuilding(ctx: TestContext, buildingId: number): Promise<number[]> {
  const { rows } = await ctx.pool.query<{ id: number }>(
    `select id from org_nodes where level = 'house' and path like (select path from org_nodes where id = $1) || '%' order by id`,
    [buildingId],
  );
  return rows.map((r) => r.id);
}

export async function userId(ctx: TestContext, username: string): Promise<number> {
  const { rows } = await ctx.pool.query<{ id: number }>('select id from users where username = $1', [username]);
  return rows[0]!.id;
}

/** The demo community and one in the other street (out of every community account's reach). */
export function places(ctx: TestContext) {
  const own = ctx.seed.tree.streets[0]!.communities[0]!;
  const other = ctx.seed.tree.streets[1]!.communities[0]!;
  return { own, other };
}
