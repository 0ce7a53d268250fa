import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';
import { orgNodes } from '../org/schema.ts';
import { personName } from '../../platform/demo-data/names.ts';
import { createRng, hashSeed } from '../../platform/demo-data/prng.ts';
import { SIX_OFFICERS, POST_KIND_LABELS, type ForceRole, type PostKind } from '../../../contracts/cadres.ts';
import { cadrePosts, cadreReserve, cadres, gridForces } from './schema.ts';

interface DemoGrid {
  id: number;
  path: string;
  name: string;
  buildingIds: number[];
}

const FORCE_UNITS: [ForceRole, string][] = [
  ['police', '区公安分局社区警务室'],
  ['market', '区市场监管局街道所'],
  ['enforcement', '区综合行政执法大队'],
  ['property', '安居物业服务有限公司'],
];

/**
 * The demo community's people: its 两委 and estate secretaries, a street leader as 第一书记, a city
 * leader's contact point, a department's party leader on the committee (交叉任职), a building
 * leader with the 六大员 duties in the first grid, two reserve talents, and each grid's force roster.
 */
export async function seedDemoCadres(
  tx: Tx,
  community: { id: number; path: string; name: string; grids: DemoGrid[] },
): Promise<number> {
  const rng = createRng(hashSeed('cadres', community.id));
  let phoneSeq = 0;
  const phone = () => `1935${String(1_000_000 + community.id * 100 + phoneSeq++).slice(-7)}`;
  const person = async (unit: string, external: boolean, keptAt: { id: number; path: string }, partyMember = true) => {
    const [row] = await tx
      .insert(cadres)
      .values({
        name: personName(rng),
        gender: rng.next() < 0.5 ? '男' : '女',
        birthYear: 1965 + Math.floor(rng.next() * 30),
        phone: phone(),
        partyMember,
        unit,
        external,
        nodeId: keptAt.id,
        scopePath: keptAt.path,
      })
      .returning({ id: cadres.id });
    return row!.id;
  };
  const since = '2024-01-15';
  const post = (cadreId: number, node: { id: number; path: string }, kind: PostKind, title = POST_KIND_LABELS[kind]) =>
    tx.insert(cadrePosts).values({ cadreId, nodeId: node.id, nodePath: node.path, kind, title, startedOn: since });

  const own = `${community.name}居委会`;
  for (let i = 0; i < 3; i++) await post(await person(own, false, community), community, 'community_committee');
  await post(await person('街道党工委', true, community), community, 'first_secretary', '第一书记（街道党工委委员）');
  await post(await person('市发展和改革委员会', true, community), community, 'contact_leader', '市领导定点联系');
  // 双向进入、交叉任职: the enforcement unit's party leader sits on the community committee.
  await post(
    await person('区综合行政执法大队党支部', true, community),
    community,
    'branch_committee',
    '社区党委兼职委员',
  );
  for (const grid of community.grids)
    await post(await person(own, false, community), grid, 'estate_secretary', '小区党支部书记');
  const first = community.grids[0];
  if (first?.buildingIds[0]) {
    const [building] = await tx
      .select({ id: orgNodes.id, path: orgNodes.path })
      .from(orgNodes)
      .where(eq(orgNodes.id, first.buildingIds[0]));
    const leader = await person('退休党员', false, community);
    await post(leader, building!, 'building_leader');
    for (const kind of SIX_OFFICERS) await post(leader, first, kind);
  }
  for (const state of ['training', 'candidate'] as const) {
    const id = await person(own, false, community, state === 'training');
    await tx
      .insert(cadreReserve)
      .values({ cadreId: id, scopePath: community.path, targetKind: 'estate_secretary', state, note: '小区书记后备' });
  }
  for (const grid of community.grids)
    for (const [role, unit] of FORCE_UNITS)
      await tx
        .insert(gridForces)
        .values({ gridNodeId: grid.id, gridPath: grid.path, role, name: personName(rng), unit, phone: phone() });
  return community.grids.length;
}
