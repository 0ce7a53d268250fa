import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { createRng, hashSeed } from '../../platform/demo-data/prng.ts';
import { makeIdentityNumber } from '../../platform/demo-data/identity-number.ts';
import { demoPhone, personName } from '../../platform/demo-data/names.ts';
import { orgNodes } from '../org/schema.ts';
import { activeCareTags } from './care-tags.ts';
import { isErrors } from './import/kind.ts';
import { residentKind } from './import/kinds/residents.ts';
import { createPiiCodec } from './pii.ts';

const RELATIONS = ['户主', '配偶', '子女', '父母', '孙子女'];
const CARE = [
  ['独居老人', 0.04],
  ['高龄', 0.05],
  ['残疾人', 0.015],
  ['低保', 0.01],
  ['退役军人', 0.02],
  ['留守儿童', 0.01],
] as const;

/**
 * Synthetic residents for the demo community (1–4 per house), written through the real import
 * path (the same validation, encryption and upsert a spreadsheet import uses), so the demo's
 * lists, search, masking and big-screen figures have people to show.
 */
export async function seedDemoResidents(
  tx: Tx,
  community: { path: string; code: string },
  dataKey: string,
  districtCode: string,
): Promise<number> {
  const houses = await tx
    .select({ code: orgNodes.code })
    .from(orgNodes)
    .where(and(eq(orgNodes.level, 'house'), underPath(orgNodes.path, community.path)))
    .orderBy(asc(orgNodes.id));
  const rng = createRng(hashSeed('people', community.code));
  const rows: Record<string, string>[] = [];
  let seq = 0;
  // The 3-digit sequence repeats every 500 people: draw again on the rare clash, as the police would.
  const issued = new Set<string>();
  const uniqueId = (age: number, sex: 'male' | 'female'): string => {
    for (;;) {
      const id = makeIdentityNumber(
        districtCode,
        { y: 2026 - age, m: rng.int(1, 12), d: rng.int(1, 28) },
        rng.int(0, 499),
        sex,
      );
      if (!issued.has(id)) return (issued.add(id), id);
    }
  };
  for (const [hi, house] of houses.entries()) {
    const size = 1 + Math.floor(rng.next() * 4);
    const surname = personName(rng).slice(0, 1);
    for (let m = 0; m < size; m++, seq++) {
      const age = m === 0 ? 30 + rng.int(0, 55) : m === 1 ? 28 + rng.int(0, 55) : rng.int(1, 40);
      const sex = rng.next() < 0.5 ? 'male' : 'female';
      const tags = CARE.filter(([, p]) => rng.next() < p * (age >= 70 ? 4 : 1))
        .map(([t]) => t)
        .filter((t) => (t === '高龄' ? age >= 80 : t === '留守儿童' ? age < 16 : true));
      rows.push({
        name: surname + personName(rng).slice(1),
        idNumber: uniqueId(age, sex),
        phone: age >= 16 ? demoPhone(100_000 + seq) : '',
        houseCode: house.code,
        householdNo: `${community.code.slice(-6)}${String(hi + 1).padStart(5, '0')}`,
        relation: RELATIONS[Math.min(m, RELATIONS.length - 1)]!,
        residenceType: rng.next() < 0.82 ? '户籍' : '流动',
        careTags: tags.join('、'),
      });
    }
  }
  const ctx = {
    actor: null as never,
    codec: createPiiCodec(dataKey),
    scopePath: community.path,
    careTags: await activeCareTags(tx),
    districtCode,
    locate: () => null,
  };
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const refs = await residentKind.lookup(tx, chunk, ctx);
    const values = chunk.map((r) => residentKind.validate(r, refs, ctx));
    const bad = values.find(isErrors);
    if (bad) throw new Error(`演示居民数据无效：${JSON.stringify(bad)}`);
    await residentKind.write(tx, values.filter((v) => !isErrors(v)) as never, ctx);
  }
  return rows.length;
}
