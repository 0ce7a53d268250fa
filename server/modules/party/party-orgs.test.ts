import { and, eq, inArray, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../accounts/schema.ts';
import { coUnitPairings, coUnits, orgNodes, partyOrgs } from '../org/schema.ts';

import { call, ctx, ids, setUpPartyOrgs } from './testing/party-orgs-suite.ts';

setUpPartyOrgs();

describe('party organisation maintenance', () => {
  it('creates a building group under a grid branch, renames it, pairs a new co-building unit with the grid and retires the group — each change audited', async () => {
    const options = (
      await call('secretary', 'GET', `/api/party/orgs/node-options?parentId=${ids.branch}&kind=building_group`)
    ).json().data as { id: number }[];
    expect(options.map((o) => o.id)).toContain(ids.building);
    const created = await call('secretary', 'POST', '/api/party/orgs', {
      parentId: ids.branch,
      kind: 'building_group',
      name: '二号楼党小组',
      nodeId: ids.building,
      secretaryName: '王建国',
    });
    expect(created.statusCode).toBe(201);
    const group = created.json().data;
    expect(group).toMatchObject({
      kind: 'building_group',
      parentId: ids.branch,
      nodeId: ids.building,
      secretaryName: '王建国',
      retiredAt: null,
    });
    // The building is now taken for building groups.
    expect(
      (
        (
          await call('secretary', 'GET', `/api/party/orgs/node-options?parentId=${ids.branch}&kind=building_group`)
        ).json().data as { id: number }[]
      ).map((o) => o.id),
    ).not.toContain(ids.building);
    expect(
      (
        await call('secretary', 'POST', '/api/party/orgs', {
          parentId: ids.branch,
          kind: 'building_group',
          name: '二号楼第二党小组',
          nodeId: ids.building,
        })
      ).statusCode,
    ).toBe(409);

    const renamed = await call('secretary', 'PATCH', `/api/party/orgs/${group.id}`, { name: '二号楼先锋党小组' });
    expect(renamed.json().data.name).toBe('二号楼先锋党小组');

    const unit = await call('secretary', 'POST', '/api/party/co-units', {
      name: '姑苏供水公司',
      type: 'enterprise',
      address: '广济路 8 号',
      contactName: '刘敏',
    });
    expect(unit.statusCode).toBe(201);
    const paired = await call('secretary', 'POST', `/api/party/orgs/${ids.branch}/pairings`, {
      coUnitId: unit.json().data.id,
      agreement: '共建供水安全',
      signedOn: '2026-03-01',
    });
    expect(paired.statusCode).toBe(201);
    expect(paired.json().data).toMatchObject({ coUnitName: '姑苏供水公司', relation: 'pair', signedOn: '2026-03-01' });
    expect(
      (await call('secretary', 'POST', `/api/party/orgs/${ids.branch}/pairings`, { coUnitId: unit.json().data.id }))
        .statusCode,
    ).toBe(409);
    const detail = (await call('gridworker', 'GET', `/api/party/orgs/${ids.branch}`)).json().data;
    expect(detail.pairings.map((p: { coUnitName: string }) => p.coUnitName)).toContain('姑苏供水公司');

    const retired = await call('secretary', 'POST', `/api/party/orgs/${group.id}/retire`);
    expect(retired.statusCode).toBe(200);
    expect(retired.json().data.retiredAt).not.toBeNull();
    const level = (await call('secretary', 'GET', `/api/party/orgs?parentId=${ids.branch}`)).json().data as {
      id: number;
    }[];
    expect(level.map((o) => o.id)).not.toContain(group.id);
    const withRetired = (await call('secretary', 'GET', `/api/party/orgs?parentId=${ids.branch}&retired=true`)).json()
      .data as { id: number }[];
    expect(withRetired.map((o) => o.id)).toContain(group.id);
    // A retired group takes no further change, and the building is free again.
    expect((await call('secretary', 'PATCH', `/api/party/orgs/${group.id}`, { name: '又一个名字' })).statusCode).toBe(
      409,
    );

    const pairingId = paired.json().data.id;
    expect((await call('secretary', 'DELETE', `/api/party/pairings/${pairingId}`)).statusCode).toBe(204);
    expect(await ctx.db.select().from(coUnitPairings).where(eq(coUnitPairings.id, pairingId))).toHaveLength(0);

    const audit = await ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(like(auditLog.action, 'party.%'))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'party.org.create',
        'party.org.update',
        'party.co_unit.create',
        'party.pairing.create',
        'party.org.retire',
        'party.pairing.end',
      ]),
    );
  });

  it('refuses to retire a branch that still has members or sub-organisations (409), changing nothing', async () => {
    const res = await call('secretary', 'POST', `/api/party/orgs/${ids.branch}/retire`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IN_USE');
    const res2 = await call('secretary', 'POST', `/api/party/orgs/${ids.joint}/retire`);
    expect(res2.json().error.message).toContain('下级党组织');
    const [row] = await ctx.db
      .select({ retiredAt: partyOrgs.retiredAt })
      .from(partyOrgs)
      .where(inArray(partyOrgs.id, [ids.branch]));
    expect(row!.retiredAt).toBeNull();
  });

  it('answers bad input with 422 naming the field, and writes nothing', async () => {
    const before = (await ctx.db.select({ id: partyOrgs.id }).from(partyOrgs)).length;
    const units = (await ctx.db.select({ id: coUnits.id }).from(coUnits)).length;
    const cases: [string, 'POST' | 'PATCH', string, object, string][] = [
      [
        'name too short',
        'POST',
        '/api/party/orgs',
        { parentId: ids.branch, kind: 'functional_group', name: '甲' },
        'name',
      ],
      ['unknown kind', 'POST', '/api/party/orgs', { parentId: ids.branch, kind: 'cell', name: '某某小组' }, 'kind'],
      [
        'group under a joint committee',
        'POST',
        '/api/party/orgs',
        { parentId: ids.joint, kind: 'building_group', name: '某楼党小组', nodeId: ids.building },
        'kind',
      ],
      [
        'building of another grid',
        'POST',
        '/api/party/orgs',
        { parentId: ids.branch, kind: 'building_group', name: '别的楼党小组', nodeId: ids.otherBuilding },
        'nodeId',
      ],
      [
        'building group without a building',
        'POST',
        '/api/party/orgs',
        { parentId: ids.branch, kind: 'building_group', name: '无楼党小组' },
        'nodeId',
      ],
      [
        'functional group on a node',
        'POST',
        '/api/party/orgs',
        { parentId: ids.branch, kind: 'functional_group', name: '老兵之家二组', nodeId: ids.grid },
        'nodeId',
      ],
      [
        'sibling name taken',
        'POST',
        '/api/party/orgs',
        { parentId: ids.joint, kind: 'functional_group', name: await siblingName() },
        'name',
      ],
      ['rename with nothing', 'PATCH', `/api/party/orgs/${ids.branch}`, {}, 'name'],
      ['co-unit without type', 'POST', '/api/party/co-units', { name: '某某公司' }, 'type'],
      ['co-unit name taken', 'POST', '/api/party/co-units', { name: '区供电公司', type: 'enterprise' }, 'name'],
      ['pairing a missing unit', 'POST', `/api/party/orgs/${ids.branch}/pairings`, { coUnitId: 999999 }, 'coUnitId'],
      [
        'branch as a base',
        'POST',
        `/api/party/orgs/${ids.branch}/pairings`,
        { coUnitId: 1, relation: 'base' },
        'relation',
      ],
      [
        'bad signing date',
        'POST',
        `/api/party/orgs/${ids.joint}/pairings`,
        { coUnitId: 1, signedOn: '2026-13-45' },
        'signedOn',
      ],
    ];
    for (const [label, method, url, payload, field] of cases) {
      const res = await call('secretary', method, url, payload);
      expect(res.statusCode, label).toBe(422);
      expect(
        res.json().error.details.map((d: { path: string }) => d.path),
        label,
      ).toContain(field);
      expect(res.json().error.details[0].message, label).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await ctx.db.select({ id: partyOrgs.id }).from(partyOrgs)).length).toBe(before);
    expect((await ctx.db.select({ id: coUnits.id }).from(coUnits)).length).toBe(units);
  });

  it('lets a district administrator build a street’s tree from the top: working committee, joint committee, grid branch', async () => {
    const street = ctx.seed.tree.streets[1]!;
    // The seeded working committee is retired first (it has children, so they go first): the street starts over.
    const old = (
      await ctx.db
        .select({ id: partyOrgs.id })
        .from(partyOrgs)
        .where(and(eq(partyOrgs.kind, 'working_committee'), eq(partyOrgs.nodeId, street.id)))
    )[0]!.id;
    expect(
      (
        await call('admin', 'POST', '/api/party/orgs', {
          kind: 'working_committee',
          name: '第二街道党工委',
          nodeId: street.id,
        })
      ).statusCode,
    ).toBe(409);
    await ctx.db
      .update(partyOrgs)
      .set({ retiredAt: new Date() })
      .where(like(partyOrgs.scopePath, `${street.path}%`));
    expect(
      (
        await call('street', 'POST', '/api/party/orgs', {
          kind: 'working_committee',
          name: '越权党工委',
          nodeId: street.id,
        })
      ).statusCode,
    ).toBe(422);
    const committee = await call('admin', 'POST', '/api/party/orgs', {
      kind: 'working_committee',
      name: '第二街道党工委',
      nodeId: street.id,
    });
    expect(committee.statusCode).toBe(201);
    expect(committee.json().data.id).not.toBe(old);
    const community = street.communities[0]!;
    const joint = await call('admin', 'POST', '/api/party/orgs', {
      parentId: committee.json().data.id,
      kind: 'joint_committee',
      name: '新社区联合党委',
      nodeId: community.id,
    });
    expect(joint.statusCode).toBe(201);
    const branch = await call('admin', 'POST', '/api/party/orgs', {
      parentId: joint.json().data.id,
      kind: 'grid_branch',
      name: '新第1网格党支部',
      nodeId: community.grids[0]!.id,
    });
    expect(branch.statusCode).toBe(201);
    const [node] = await ctx.db
      .select({ path: orgNodes.path })
      .from(orgNodes)
      .where(eq(orgNodes.id, community.grids[0]!.id));
    const [row] = await ctx.db
      .select({ scopePath: partyOrgs.scopePath })
      .from(partyOrgs)
      .where(eq(partyOrgs.id, branch.json().data.id));
    expect(row!.scopePath).toBe(node!.path);
    // Members are entered into the new branch; once it is retired (empty), it takes no more.
    expect(
      (await call('admin', 'POST', '/api/party/members', { name: '张三', branchOrgId: branch.json().data.id }))
        .statusCode,
    ).toBe(201);
    const empty = await call('admin', 'POST', '/api/party/orgs', {
      parentId: joint.json().data.id,
      kind: 'grid_branch',
      name: '新第2网格党支部',
      nodeId: community.grids[1]!.id,
    });
    expect((await call('admin', 'POST', `/api/party/orgs/${empty.json().data.id}/retire`)).statusCode).toBe(200);
    const refused = await call('admin', 'POST', '/api/party/members', {
      name: '李四',
      branchOrgId: empty.json().data.id,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0].path).toBe('branchOrgId');
  });
});

async function siblingName() {
  return (
    await ctx.db
      .select({ name: partyOrgs.name })
      .from(partyOrgs)
      .where(and(eq(partyOrgs.parentId, ids.joint), eq(partyOrgs.kind, 'grid_branch')))
      .limit(1)
  )[0]!.name;
}

describe('OpenAPI', () => {
  it('documents the new routes with their response schemas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    for (const [path, method, status] of [
      ['/api/party/orgs', 'get', '200'],
      ['/api/party/orgs/{id}', 'get', '200'],
      ['/api/party/orgs/{id}/pairings', 'post', '201'],
      ['/api/party/commitments/branches', 'get', '200'],
      ['/api/wishes/{id}/dispatch', 'post', '200'],
      ['/api/wishes/{id}/dispatch-options', 'get', '200'],
    ] as const) {
      expect(paths[path]?.[method]?.responses?.[status], `${method} ${path}`).toBeTruthy();
    }
  });
});
