import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { createRng, hashSeed } from '../../platform/demo-data/prng.ts';
import { personName } from '../../platform/demo-data/names.ts';
import { orgNodes } from '../org/schema.ts';
import { activeCareTags } from './care-tags.ts';
import { isErrors, type ImportContext, type KindSpec } from './import/kind.ts';
import { componentKind } from './import/kinds/components.ts';
import { houseKind } from './import/kinds/houses.ts';
import { gridLocatorFor } from './org-refs.ts';
import { createPiiCodec } from './pii.ts';

const USES = [
  ['自住', 0.72],
  ['出租', 0.18],
  ['空置', 0.07],
  ['商用', 0.03],
] as const;
/** Component classes a community ledger holds most, with the unit that owns each. */
const CLASSES = [
  ['0116', '区城管局路灯所'],
  ['0102', '区水务局'],
  ['0109', '区消防救援大队'],
  ['0302', '街道环卫所'],
  ['0604', '区公安分局'],
  ['0602', '区体育局'],
] as const;
const STATES = ['完好', '完好', '完好', '完好', '破损', '占用'] as const;

async function writeThrough<L, V>(
  tx: Tx,
  kind: KindSpec<L, V>,
  rows: Record<string, string>[],
  ctx: ImportContext,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const refs = await kind.lookup(tx, chunk, ctx);
    const values = chunk.map((r) => kind.validate(r, refs, ctx));
    const bad = values.find(isErrors);
    if (bad) throw new Error(`演示数据无效：${JSON.stringify(bad)}`);
    await kind.write(tx, values as V[], ctx);
  }
}

/**
 * House facts (use, area, owner) for every house of the demo community and a city-component
 * ledger (street lamps, manholes, hydrants…) beside its buildings, written through the same
 * import validation a spreadsheet goes through, so the 房屋 and 部件 lists have rows to show.
 */
export async function seedDemoPlaces(
  tx: Tx,
  community: { path: string; code: string },
  dataKey: string,
  districtCode: string,
): Promise<{ houses: number; components: number }> {
  const rng = createRng(hashSeed('places', community.code));
  const houseNodes = await tx
    .select({ code: orgNodes.code })
    .from(orgNodes)
    .where(and(eq(orgNodes.level, 'house'), underPath(orgNodes.path, community.path)))
    .orderBy(asc(orgNodes.id));
  const pick = () => {
    let r = rng.next();
    for (const [use, p] of USES) {
      if ((r -= p) < 0) return use;
    }
    return USES[0][0];
  };
  const houseRows = houseNodes.map((h) => ({
    houseCode: h.code,
    use: pick(),
    areaM2: String(55 + rng.int(0, 85)),
    ownerName: personName(rng),
  }));

  const buildings = await tx
    .select({ lng: orgNodes.lng, lat: orgNodes.lat })
    .from(orgNodes)
    .where(and(eq(orgNodes.level, 'building'), isNotNull(orgNodes.lng), underPath(orgNodes.path, community.path)))
    .orderBy(asc(orgNodes.id));
  const locator = await gridLocatorFor(tx, community.path);
  const componentRows: Record<string, string>[] = [];
  // One component per building's doorstep, classes in turn; the point is the building's own, so it lies in its grid.
  buildings.forEach((b, i) => {
    const [minor, owner] = CLASSES[i % CLASSES.length]!;
    componentRows.push({
      componentCode: `${districtCode}${minor}${String(i + 1).padStart(6, '0')}`,
      lng: String(b.lng),
      lat: String(b.lat),
      state: STATES[rng.int(0, STATES.length - 1)]!,
      ownerUnit: owner,
      maintainerUnit: owner,
    });
  });
  const ctx: ImportContext = {
    actor: null as never,
    codec: createPiiCodec(dataKey),
    scopePath: community.path,
    careTags: await activeCareTags(tx),
    districtCode,
    locate: (lng, lat) => locator.locate(lng, lat),
  };
  await writeThrough(tx, houseKind, houseRows, ctx);
  await writeThrough(
    tx,
    componentKind,
    componentRows.filter((r) => locator.locate(Number(r.lng), Number(r.lat))),
    ctx,
  );
  return { houses: houseRows.length, components: componentRows.length };
}
