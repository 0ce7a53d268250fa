import type { Tx } from '../../platform/db/tx.ts';
import { CATEGORY_TREE } from './categories-seed.ts';
import { caseCategories } from './schema.ts';

/** Writes the category tree (idempotent: existing codes are left as administrators changed them). */
export async function seedCategories(tx: Tx): Promise<void> {
  for (const group of CATEGORY_TREE) {
    const [acceptMinutes, signMinutes, handleMinutes, verifyMinutes] = group.limits;
    const [parent] = await tx.insert(caseCategories).values({
      code: group.code, name: group.name, kind: group.kind, defaultLevel: group.level, defaultDepartmentCode: group.dept ?? null,
      acceptMinutes, signMinutes, handleMinutes, verifyMinutes,
    }).onConflictDoNothing().returning({ id: caseCategories.id });
    if (!parent) continue;
    await tx.insert(caseCategories).values(group.children.map((c) => ({
      parentId: parent.id, code: c.code, name: c.name, kind: group.kind, defaultLevel: c.level ?? null, defaultDepartmentCode: c.dept ?? null,
      ...(c.limits ? { acceptMinutes: c.limits[0], signMinutes: c.limits[1], handleMinutes: c.limits[2], verifyMinutes: c.limits[3] } : {}),
    }))).onConflictDoNothing();
  }
}
