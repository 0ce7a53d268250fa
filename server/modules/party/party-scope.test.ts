import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../platform/db/tx.ts';
import { partyOrgs } from '../org/schema.ts';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { partyMembers } from './schema.ts';
import { seedParty } from './seed.ts';

let ctx: TestContext;
/** Branch of grid 1 of community 1 (the demo member's), of community 2, and of the other street. */
let branches: { own: number; otherCommunity: number; otherStreet: number };
let ownMember: number;

beforeAll(async () => {
  ctx = await createTestApp();
  await withTx(ctx.db, (tx) => seedParty(tx, ctx.seed.tree));
  const [s1, s2] = ctx.seed.tree.streets;
  const branchOf = async (gridId: number) =>
    (
      await ctx.db
        .select({ id: partyOrgs.id })
        .from(partyOrgs)
        .where(and(eq(partyOrgs.nodeId, gridId), eq(partyOrgs.kind, 'grid_branch')))
    )[0]!.id;
  branches = {
    own: await branchOf(s1!.communities[0]!.grids[0]!.id),
    otherCommunity: await branchOf(s1!.communities[1]!.grids[0]!.id),
    otherStreet: await branchOf(s2!.communities[0]!.grids[0]!.id),
  };
  // Another member of the demo member's branch: its record, not the member's own.
  ownMember = (
    await ctx.db
      .select({ id: partyMembers.id })
      .from(partyMembers)
      .where(and(eq(partyMembers.branchOrgId, branches.own), eq(partyMembers.duty, 'secretary')))
  )[0]!.id;
});
afterAll(async () => {
  await ctx.close();
});

// Expected status per account for: [GET own-branch members, GET other-community branch members,
// GET other-street branch members, GET a fellow member's record, POST points for that member].
// 404 = outside the scope; 403 = in scope but the role may not.
const MATRIX: [string, number[]][] = [
  ['admin', [200, 200, 200, 200, 200]],
  ['street', [200, 200, 404, 200, 200]],
  ['secretary', [200, 404, 404, 200, 200]],
  ['staff', [200, 404, 404, 200, 200]],
  ['gridworker', [200, 404, 404, 200, 403]],
  ['leader', [404, 404, 404, 404, 404]],
  ['member', [403, 404, 404, 404, 404]],
  ['volunteer', [403, 404, 404, 404, 404]],
  ['resident', [404, 404, 404, 404, 404]],
  ['dept', [403, 403, 404, 404, 404]],
  ['property', [403, 404, 404, 404, 404]],
  ['counit', [403, 404, 404, 404, 404]],
];

describe('party routes scope matrix', () => {
  it.each(MATRIX)('%s', async (username, expected) => {
    const s = await loginAs(ctx.app, username);
    const call = (method: 'GET' | 'POST', url: string) =>
      ctx.app
        .inject({
          method,
          url,
          headers: s.headers,
          ...(method === 'POST'
            ? {
                payload: {
                  itemCode: 'safety_patrol',
                  occurredAt: '2026-01-05T02:00:00Z',
                  evidence: '巡防签到表',
                  entryKey: randomUUID(),
                },
              }
            : {}),
        })
        .then((r) => r.statusCode);
    const got = [
      await call('GET', `/api/party/branches/${branches.own}/members`),
      await call('GET', `/api/party/branches/${branches.otherCommunity}/members`),
      await call('GET', `/api/party/branches/${branches.otherStreet}/members`),
      await call('GET', `/api/party/members/${ownMember}/record`),
      await call('POST', `/api/party/members/${ownMember}/points`),
    ];
    expect(got).toEqual(expected);
  });
});
