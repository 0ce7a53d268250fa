import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { DEFAULT_LIMITS } from './categories-seed.ts';
import type { StepLimits } from './deadline-steps.ts';
import { caseCategories, slaOverrides } from './schema.ts';

const KEYS = ['acceptMinutes', 'signMinutes', 'handleMinutes', 'verifyMinutes'] as const;

/**
 * Step limits for a case, each step taken from the first level that sets it:
 * community override → street override → category → parent category → global default.
 */
export async function resolveLimits(db: Queryable, categoryId: number | null, communityId: number, streetId: number): Promise<StepLimits> {
  const layers: Partial<Record<(typeof KEYS)[number], number | null>>[] = [];
  if (categoryId !== null) {
    const overrides = await db.select().from(slaOverrides).where(and(eq(slaOverrides.categoryId, categoryId), inArray(slaOverrides.nodeId, [communityId, streetId])));
    layers.push(...[communityId, streetId].map((id) => overrides.find((o) => o.nodeId === id) ?? {}));
    const [category] = await db.select().from(caseCategories).where(eq(caseCategories.id, categoryId));
    if (category) {
      layers.push(category);
      if (category.parentId) {
        const [parent] = await db.select().from(caseCategories).where(eq(caseCategories.id, category.parentId));
        if (parent) layers.push(parent);
      }
    }
  }
  layers.push(DEFAULT_LIMITS);
  const pick = (key: (typeof KEYS)[number]) => layers.map((l) => l[key]).find((v) => v !== null && v !== undefined) ?? null;
  return { acceptMinutes: pick('acceptMinutes'), signMinutes: pick('signMinutes'), handleMinutes: pick('handleMinutes'), verifyMinutes: pick('verifyMinutes') };
}
