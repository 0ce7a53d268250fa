import type { Tx } from '../platform/db/tx.ts';
import { coUnitPairings, coUnits, departments, partyOrgs } from '../modules/org/schema.ts';
import { createRng, hashSeed } from './geo/prng.ts';
import { personName } from './names.ts';
import type { SeededTree } from './seed-tree.ts';

/** Local units per street (派出所, 城管中队 …) and bureaus serving the whole district. */
const STREET_UNITS = [
  ['police', '派出所'],
  ['urban_management', '城管中队'],
  ['market_regulation', '市场监管所'],
  ['fire_rescue', '消防救援站'],
] as const;
const DISTRICT_BUREAUS = [
  ['housing', '住房和城乡建设局'],
  ['environment', '生态环境局'],
  ['civil_affairs', '民政局'],
  ['human_resources', '人力资源和社会保障局'],
  ['health', '卫生健康委员会'],
] as const;
const CO_UNITS = [
  ['区供电公司', 'enterprise'],
  ['区人民医院', 'public_institution'],
  ['区税务局', 'government'],
  ['苏州银行姑苏支行', 'enterprise'],
  ['区实验小学', 'public_institution'],
  ['姑苏公证处', 'public_institution'],
  ['红十字志愿服务队', 'social_org'],
  ['区交警大队', 'government'],
  ['市第五中学', 'public_institution'],
  ['园林绿化公司', 'enterprise'],
  ['邻里互助会', 'social_org'],
  ['律师事务所联合党支部', 'social_org'],
] as const;

export interface SeededOrganisations {
  departmentIds: Map<string, number>;
  branchIds: Map<number, number>;
  coUnitIds: number[];
}

/** Party organisations mirroring the tree, departments and co-building units with their pairings. */
export async function seedOrganisations(tx: Tx, tree: SeededTree): Promise<SeededOrganisations> {
  const rng = createRng(hashSeed('orgs', tree.district.code));
  const departmentIds = new Map<string, number>();
  for (const [code, name] of DISTRICT_BUREAUS) {
    const [row] = await tx
      .insert(departments)
      .values({
        code,
        name: `${tree.district.name}${name}`,
        servesNodeId: tree.district.id,
        contactName: personName(rng),
      })
      .returning({ id: departments.id });
    departmentIds.set(`${code}@${tree.district.id}`, row!.id);
  }
  const units = await tx
    .insert(coUnits)
    .values(CO_UNITS.map(([name, type]) => ({ name, type, contactName: personName(rng) })))
    .returning({ id: coUnits.id });
  const branchIds = new Map<number, number>();
  for (const street of tree.streets) {
    const short = street.name.replace(/街道$/, '');
    for (const [code, name] of STREET_UNITS) {
      const [row] = await tx
        .insert(departments)
        .values({ code, name: `${short}${name}`, servesNodeId: street.id, contactName: personName(rng) })
        .returning({ id: departments.id });
      departmentIds.set(`${code}@${street.id}`, row!.id);
    }
    const [committee] = await tx
      .insert(partyOrgs)
      .values({
        kind: 'working_committee',
        name: `${street.name}党工委`,
        nodeId: street.id,
        scopePath: street.path,
        secretaryName: personName(rng),
      })
      .returning({ id: partyOrgs.id });
    for (const community of street.communities) {
      const [joint] = await tx
        .insert(partyOrgs)
        .values({
          parentId: committee!.id,
          kind: 'joint_committee',
          name: `${community.name}联合党委`,
          nodeId: community.id,
          scopePath: community.path,
          secretaryName: personName(rng),
        })
        .returning({ id: partyOrgs.id });
      // "1+N+X": a few co-building units are members (N), one is a base point (X).
      const members = [rng.int(0, units.length - 1), rng.int(0, units.length - 1), rng.int(0, units.length - 1)];
      const pairings = [...new Set(members)].map((i, k) => ({
        coUnitId: units[i]!.id,
        partyOrgId: joint!.id,
        relation: (k === 0 ? 'base' : 'member') as 'base' | 'member',
        signedOn: '2025-03-01',
        agreement: '共驻共建协议',
      }));
      await tx.insert(coUnitPairings).values(pairings);
      await tx.insert(partyOrgs).values({
        parentId: joint!.id,
        kind: 'functional_group',
        name: `${community.name}老兵之家党小组`,
        nodeId: null,
        scopePath: community.path,
        secretaryName: personName(rng),
      });
      const branches = await tx
        .insert(partyOrgs)
        .values(
          community.grids.map((grid) => ({
            parentId: joint!.id,
            kind: 'grid_branch' as const,
            name: `${community.name}${grid.name}党支部`,
            nodeId: grid.id,
            scopePath: grid.path,
            secretaryName: personName(rng),
          })),
        )
        .returning({ id: partyOrgs.id, nodeId: partyOrgs.nodeId });
      for (const b of branches) branchIds.set(b.nodeId!, b.id);
      const groups = community.grids
        .filter((g) => g.buildingIds.length)
        .map((grid) => ({
          parentId: branchIds.get(grid.id)!,
          kind: 'building_group' as const,
          name: `${grid.name}楼栋党小组`,
          nodeId: grid.buildingIds[0]!,
          scopePath: grid.path,
          secretaryName: personName(rng),
        }));
      if (groups.length) await tx.insert(partyOrgs).values(groups);
      const paired = community.grids[0];
      if (paired)
        await tx
          .insert(coUnitPairings)
          .values({
            coUnitId: units[rng.int(0, units.length - 1)]!.id,
            partyOrgId: branchIds.get(paired.id)!,
            relation: 'pair',
            agreement: '支部共建对子',
            signedOn: '2025-06-01',
          })
          .onConflictDoNothing();
    }
  }
  return { departmentIds, branchIds, coUnitIds: units.map((u) => u.id) };
}
