import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { coUnits, partyOrgs } from '../org/schema.ts';

import { branchPath, call, ctx, ids, setUpPartyOrgs } from './testing/party-orgs-suite.ts';

setUpPartyOrgs();

describe('party organisation tree: role × scope × action', () => {
  // [read own joint committee, read the other street's, create a group under the own grid branch,
  //  rename one, retire one, pair a co-building unit with the grid branch, register a co-building unit]
  // 404 = outside the scope; 403 = inside it but the role may not.
  const MATRIX: [string, number[]][] = [
    ['admin', [200, 200, 201, 200, 200, 201, 201]],
    ['street', [200, 404, 201, 200, 200, 201, 201]],
    ['secretary', [200, 404, 201, 200, 200, 201, 201]],
    ['staff', [200, 404, 403, 403, 403, 403, 403]],
    ['gridworker', [404, 404, 403, 403, 403, 403, 403]],
    ['leader', [404, 404, 404, 404, 404, 404, 403]],
    ['member', [404, 404, 403, 403, 403, 403, 403]],
    ['volunteer', [403, 404, 403, 403, 403, 403, 403]],
    ['resident', [404, 404, 404, 404, 404, 404, 403]],
    ['dept', [403, 404, 403, 403, 403, 403, 403]],
    ['property', [403, 404, 403, 403, 403, 403, 403]],
    ['counit', [403, 404, 403, 403, 403, 403, 403]],
  ];
  it.each(MATRIX)('%s', async (who, expected) => {
    // Each account works on groups of its own, so a refusal is never a side effect of another's success.
    const [group, toRetire] = await ctx.db
      .insert(partyOrgs)
      .values([
        {
          parentId: ids.branch,
          kind: 'functional_group',
          name: `矩阵小组-${who}`,
          scopePath: await branchPath(),
          secretaryName: '甲',
        },
        {
          parentId: ids.branch,
          kind: 'functional_group',
          name: `待撤销-${who}`,
          scopePath: await branchPath(),
          secretaryName: '乙',
        },
      ])
      .returning({ id: partyOrgs.id });
    const [unit] = await ctx.db
      .insert(coUnits)
      .values({ name: `矩阵单位-${who}`, type: 'enterprise' })
      .returning({ id: coUnits.id });
    const got = [
      (await call(who, 'GET', `/api/party/orgs/${ids.joint}`)).statusCode,
      (await call(who, 'GET', `/api/party/orgs/${ids.otherJoint}`)).statusCode,
      (
        await call(who, 'POST', '/api/party/orgs', {
          parentId: ids.branch,
          kind: 'functional_group',
          name: `新建小组-${who}`,
        })
      ).statusCode,
      (await call(who, 'PATCH', `/api/party/orgs/${group!.id}`, { name: `改名小组-${who}` })).statusCode,
      (await call(who, 'POST', `/api/party/orgs/${toRetire!.id}/retire`)).statusCode,
      (await call(who, 'POST', `/api/party/orgs/${ids.branch}/pairings`, { coUnitId: unit!.id })).statusCode,
      (await call(who, 'POST', '/api/party/co-units', { name: `新登记单位-${who}`, type: 'social_org' })).statusCode,
    ];
    expect(got).toEqual(expected);
    // A refused change wrote nothing.
    const [renamed] = await ctx.db
      .select({ name: partyOrgs.name, retiredAt: partyOrgs.retiredAt })
      .from(partyOrgs)
      .where(eq(partyOrgs.id, group!.id));
    expect(renamed!.name).toBe(expected[3] === 200 ? `改名小组-${who}` : `矩阵小组-${who}`);
    const [retired] = await ctx.db
      .select({ retiredAt: partyOrgs.retiredAt })
      .from(partyOrgs)
      .where(eq(partyOrgs.id, toRetire!.id));
    expect(retired!.retiredAt !== null).toBe(expected[4] === 200);
  });

  it('reads the tree one level at a time from the viewer’s top: a secretary starts at the joint committee', async () => {
    const top = await call('secretary', 'GET', '/api/party/orgs');
    expect(top.statusCode).toBe(200);
    expect(top.json().data.map((o: { id: number }) => o.id)).toEqual([ids.joint]);
    const district = (await call('admin', 'GET', '/api/party/orgs')).json().data as { kind: string }[];
    expect(new Set(district.map((o) => o.kind))).toEqual(new Set(['working_committee']));
    const children = (await call('secretary', 'GET', `/api/party/orgs?parentId=${ids.joint}`)).json().data as {
      id: number;
      kind: string;
      memberCount: number;
    }[];
    const branch = children.find((o) => o.id === ids.branch)!;
    expect(branch.memberCount).toBe(8);
    expect(children.some((o) => o.kind === 'functional_group')).toBe(true);
    expect((await call('secretary', 'GET', `/api/party/orgs?parentId=${ids.otherJoint}`)).statusCode).toBe(404);
    expect((await call('member', 'GET', '/api/party/orgs')).statusCode).toBe(403);
  });

  it('shows a branch’s members with the posts they hold, and the community’s posts with how many hold each', async () => {
    const detail = (await call('staff', 'GET', `/api/party/orgs/${ids.branch}`)).json().data;
    expect(detail.abilities).toEqual([]);
    expect(detail.posts.length).toBe(6);
    expect(detail.posts.reduce((sum: number, p: { holders: number }) => sum + p.holders, 0)).toBe(8);
    const members = (await call('staff', 'GET', `/api/party/orgs/${ids.branch}/members?pageSize=5`)).json();
    expect(members.page.total).toBe(8);
    expect(members.data).toHaveLength(5);
    expect(members.data[0].duty).toBe('secretary');
    expect(members.data[0].posts.length).toBe(1);
    expect((await call('secretary', 'GET', `/api/party/orgs/${ids.branch}`)).json().data.childKinds).toEqual([
      'building_group',
      'functional_group',
    ]);
  });
});
