import type { Actor } from '../../platform/auth/actor.ts';
import type { TestContext } from '../../test/test-app.ts';

/** The actor a session for `username` would carry, for tests that call commands with injected ports. */
export async function actorFor(ctx: TestContext, username: string): Promise<Actor> {
  const { rows } = await ctx.pool.query(
    `select u.id, u.username, u.display_name, u.role, u.scope_node_id, u.department_id, n.path
       from users u left join org_nodes n on n.id = u.scope_node_id where u.username = $1`,
    [username],
  );
  const u = rows[0];
  if (!u) throw new Error(`no user ${username}`);
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    scopeNodeId: u.scope_node_id,
    scopePath: u.path,
    departmentId: u.department_id,
    restriction: null,
  };
}
