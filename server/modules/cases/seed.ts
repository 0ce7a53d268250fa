import type { Tx } from '../../platform/db/tx.ts';
import { CATEGORY_TREE } from './categories-seed.ts';
import { QUESTION_SEED } from './questions-seed.ts';
import { caseCategories, categoryQuestions } from './schema.ts';

/**
 * Writes the category tree and the extra questions of its categories (idempotent: existing
 * codes are left as administrators changed them, and so are the questions of those categories).
 */
export async function seedCategories(tx: Tx): Promise<void> {
  for (const group of CATEGORY_TREE) {
    const [acceptMinutes, signMinutes, handleMinutes, verifyMinutes] = group.limits;
    const [parent] = await tx
      .insert(caseCategories)
      .values({
        code: group.code,
        name: group.name,
        kind: group.kind,
        defaultLevel: group.level,
        defaultDepartmentCode: group.dept ?? null,
        acceptMinutes,
        signMinutes,
        handleMinutes,
        verifyMinutes,
      })
      .onConflictDoNothing()
      .returning({ id: caseCategories.id });
    if (!parent) continue;
    const children = await tx
      .insert(caseCategories)
      .values(
        group.children.map((c) => ({
          parentId: parent.id,
          code: c.code,
          name: c.name,
          kind: group.kind,
          defaultLevel: c.level ?? null,
          defaultDepartmentCode: c.dept ?? null,
          ...(c.limits
            ? {
                acceptMinutes: c.limits[0],
                signMinutes: c.limits[1],
                handleMinutes: c.limits[2],
                verifyMinutes: c.limits[3],
              }
            : {}),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: caseCategories.id, code: caseCategories.code });
    const questions = children.flatMap((c) =>
      (QUESTION_SEED[c.code] ?? []).map((q) => ({ ...q, values: q.values ?? [], categoryId: c.id })),
    );
    if (questions.length) await tx.insert(categoryQuestions).values(questions).onConflictDoNothing();
  }
}
