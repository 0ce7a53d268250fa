import type { Session, TestContext } from '../../test/test-app.ts';
import { loginAs } from '../../test/test-app.ts';
import { actOk, categoryId, pointInGrid, report } from '../cases/test-helpers.ts';
import { refreshRollups } from './refresh.ts';
import { allProviders } from './registry.ts';

/**
 * Four cases reported today through the API: A (garbage, grid 1 of community 1) stays reported,
 * B (garbage, same grid) is accepted, C (parking, a grid of community 2) stays reported — all in
 * street 1 — and D (garbage) lies in street 2. The test then marks A closed on time and rated 5,
 * C closed late and rated 3, so the month's rates are 50 % each in street 1.
 */
export async function seedCases(ctx: TestContext) {
  const street1 = ctx.seed.tree.streets[0]!;
  const [grid1, grid2, grid3] = [
    street1.communities[0]!.grids[0]!,
    street1.communities[1]!.grids[0]!,
    ctx.seed.tree.streets[1]!.communities[0]!.grids[0]!,
  ];
  const garbage = await categoryId(ctx, '暴露垃圾');
  const parking = await categoryId(ctx, '非机动车乱停放');
  const reportIn = async (grid: { id: number; code: string }, categoryIdValue: number, title: string) => {
    // The first grid's worker is the demo account `gridworker`; every other grid's is gw + code.
    const s = await loginAs(ctx.app, grid.id === grid1.id ? 'gridworker' : `gw${grid.code}`);
    return {
      s,
      c: await report(ctx.app, s, {
        title,
        description: `${title}，请尽快处理`,
        categoryId: categoryIdValue,
        ...(await pointInGrid(ctx, grid.id)),
      }),
    };
  };
  const a = await reportIn(grid1, garbage, '垃圾堆放甲');
  const b = await reportIn(grid1, garbage, '垃圾堆放乙');
  const secretary: Session = await loginAs(ctx.app, 'secretary');
  await actOk(ctx.app, secretary, b.c.id, 'accept', {});
  const c = await reportIn(grid2, parking, '电动车乱停');
  const d = await reportIn(grid3, garbage, '垃圾堆放丁');
  await ctx.pool.query(
    `update cases set closed_at = now(), closed_on_time = (id = $1), score = case when id = $1 then 5 else 3 end, updated_at = now() where id in ($1, $2)`,
    [a.c.id, c.c.id],
  );
  await refreshRollups(ctx.db, allProviders());
  return { grid1, grid2, grid3, ids: { a: a.c.id, b: b.c.id, c: c.c.id, d: d.c.id }, garbage, parking };
}
