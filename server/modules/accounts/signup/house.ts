import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { HouseAddress } from '../../../../contracts/signup.ts';
import type { Queryable } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { orgNodes } from '../../org/schema.ts';

/** The house a resident names: must be a house node in service (422 on houseNodeId otherwise). */
export async function loadHouse(q: Queryable, id: number) {
  const [house] = await q
    .select({ id: orgNodes.id, path: orgNodes.path })
    .from(orgNodes)
    .where(and(eq(orgNodes.id, id), eq(orgNodes.level, 'house'), isNull(orgNodes.retiredAt)))
    .limit(1);
  if (!house) throw invalid('houseNodeId', '请选择一套房屋（小区 → 楼栋 → 房屋）');
  return { ...house, communityPath: communityPathOf(house.path) };
}

/** '/d/s/c/…' → '/d/s/c/': district, street, community are the first three ids of every path. */
export function communityPathOf(path: string): string {
  return `/${path.split('/').filter(Boolean).slice(0, 3).join('/')}/`;
}

/**
 * Addresses of houses as residents read them (社区 小区 楼栋 房屋; the grid is an internal
 * division), for many houses in one query.
 */
export async function addressesOf(q: Queryable, housePaths: string[]): Promise<Map<string, HouseAddress>> {
  const ids = [...new Set(housePaths.flatMap((p) => p.split('/').filter(Boolean).map(Number)))];
  const nodes = ids.length
    ? await q
        .select({ id: orgNodes.id, level: orgNodes.level, name: orgNodes.name })
        .from(orgNodes)
        .where(inArray(orgNodes.id, ids))
    : [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, HouseAddress>();
  for (const path of housePaths) {
    const chain = path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(Number(id)))
      .filter((n): n is NonNullable<typeof n> => Boolean(n));
    const community = chain.find((n) => n.level === 'community');
    const house = chain.at(-1);
    if (!community || !house) continue;
    const parts = chain
      .filter((n) => ['community', 'estate', 'building', 'house'].includes(n.level))
      .map((n) => n.name);
    out.set(path, {
      houseNodeId: house.id,
      communityId: community.id,
      communityName: community.name,
      address: parts.join(' '),
    });
  }
  return out;
}
