import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { withTx } from '../../../platform/db/tx.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/test-app.ts';
import { partyOrgs } from '../../org/schema.ts';
import { seedParty } from '../seed.ts';
import { DEMO_ACCOUNTS } from '../../../test/demo-accounts.ts';

/** The party-org test files' shared state: ES module bindings, live in every importer. */
export let ctx: TestContext;
export const USERS = DEMO_ACCOUNTS;
export const s: Record<string, Session> = {};
/** The demo community's joint committee and grid-1 branch, and the other street's joint committee. */
export let ids: {
  joint: number;
  branch: number;
  otherJoint: number;
  grid: number;
  building: number;
  otherBuilding: number;
};

export const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });

/** A fresh app with the party seed, every demo account signed in, and the orgs the tests act on. */
export function setUpPartyOrgs(): void {
  beforeAll(async () => {
    ctx = await createTestApp();
    await withTx(ctx.db, (tx) => seedParty(tx, ctx.seed.tree));
    for (const u of USERS) s[u] = await loginAs(ctx.app, u);
    const [s1, s2] = ctx.seed.tree.streets;
    const c1 = s1!.communities[0]!;
    const org = async (kind: 'joint_committee' | 'grid_branch', nodeId: number) =>
      (
        await ctx.db
          .select({ id: partyOrgs.id })
          .from(partyOrgs)
          .where(and(eq(partyOrgs.kind, kind), eq(partyOrgs.nodeId, nodeId)))
      )[0]!.id;
    const grid = c1.grids[0]!;
    ids = {
      joint: await org('joint_committee', c1.id),
      branch: await org('grid_branch', grid.id),
      otherJoint: await org('joint_committee', s2!.communities[0]!.id),
      grid: grid.id,
      building: grid.buildingIds[1]!,
      otherBuilding: c1.grids[1]!.buildingIds[0]!,
    };
  });
  afterAll(async () => {
    await ctx.close();
  });
}

/** The grid-1 branch's materialised path. */
export async function branchPath() {
  return (await ctx.db.select({ p: partyOrgs.scopePath }).from(partyOrgs).where(eq(partyOrgs.id, ids.branch)))[0]!.p;
}
