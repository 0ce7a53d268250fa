import type { TestContext } from '../../../test/test-app.ts';

/** A current party member of the community at `path` (the branch seed gives each grid some). */
export async function memberIn(ctx: TestContext, path: string): Promise<number> {
  const { rows } = await ctx.pool.query<{ id: number }>(
    `select id from party_members where left_on is null and home_path like $1 || '%' order by id limit 1`,
    [path],
  );
  return rows[0]!.id;
}

/** The grid worker of a grid (the demo `gridworker` for the first one, gw<code> for the others). */
export async function workerOf(ctx: TestContext, gridId: number): Promise<number> {
  const { rows } = await ctx.pool.query<{ id: number }>(
    `select id from users where role = 'grid_worker' and scope_node_id = $1 order by id limit 1`,
    [gridId],
  );
  return rows[0]!.id;
}

export function communities(ctx: TestContext) {
  return { own: ctx.seed.tree.streets[0]!.communities[0]!, other: ctx.seed.tree.streets[1]!.communities[0]! };
}

/** A member living in a community the party seed left without members (the other street's): inserted here. */
export async function memberElsewhere(
  ctx: TestContext,
  community: { id: number; path: string; grids: { buildingIds: number[] }[] },
) {
  const building = community.grids[0]!.buildingIds[0]!;
  const { rows } = await ctx.pool.query<{ id: number }>(
    `insert into party_members (name, branch_org_id, branch_path, home_community_id, home_node_id, home_path)
     select '外社区党员', 0, $1, $2, id, path from org_nodes where id = $3 returning id`,
    [community.path, community.id, building],
  );
  return rows[0]!.id;
}
