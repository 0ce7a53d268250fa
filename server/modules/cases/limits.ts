import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { DEFAULT_LIMITS } from './categories-seed.ts';
import type { StepLimits } from './deadline-steps.ts';
import { caseCategories, slaOverrides } from './schema.ts';

const KEYS = ['acceptMinutes', 'signMinutes', 'handleMinutes', 'verifyMinutes'] as const;
export type LimitLayer = Partial<Record<(typeof KEYS)[number], number | null>>;
type Layer = LimitLayer;

/**
 * Step limits for a case, each step taken from the first level that sets it:
 * community override → street override → category → parent category → global default.
 */
export async function resolveLimits(
  db: Queryable,
  categoryId: number | null,
  communityId: number,
  streetId: number,
): Promise<StepLimits> {
  const layers: Layer[] = [];
  if (categoryId !== null) {
    const overrides = await db
      .select()
      .from(slaOverrides)
      .where(and(eq(slaOverrides.categoryId, categoryId), inArray(slaOverrides.nodeId, [communityId, streetId])));
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
  return cascadeLimits(layers);
}

/** Each step from the first layer that sets it, the global default last. */
export function cascadeLimits(layers: Layer[]): StepLimits {
  const all = [...layers, DEFAULT_LIMITS];
  const pick = (key: (typeof KEYS)[number]) =>
    all.map((l) => l[key]).find((v) => v !== null && v !== undefined) ?? null;
  return {
    acceptMinutes: pick('acceptMinutes'),
    signMinutes: pick('signMinutes'),
    handleMinutes: pick('handleMinutes'),
    verifyMinutes: pick('verifyMinutes'),
  };
}

/**
 * The same cascade as resolveLimits for many cases at once: the categories and their overrides are
 * read in two statements, then every (category, community, street) is answered from memory.
 */
export async function loadLimitResolver(
  db: Queryable,
  categoryIds: number[],
): Promise<(categoryId: number | null, communityId: number, streetId: number) => StepLimits> {
  const ids = [...new Set(categoryIds)];
  const categories = new Map<number, Layer & { parentId: number | null }>();
  const overrides = new Map<string, Layer>();
  if (ids.length) {
    for (const c of await db.select().from(caseCategories)) categories.set(c.id, c);
    for (const o of await db.select().from(slaOverrides).where(inArray(slaOverrides.categoryId, ids)))
      overrides.set(`${o.categoryId}:${o.nodeId}`, o);
  }
  const memo = new Map<string, StepLimits>();
  return (categoryId, communityId, streetId) => {
    const key = `${categoryId}:${communityId}:${streetId}`;
    let limits = memo.get(key);
    if (!limits) {
      const layers: Layer[] = [];
      if (categoryId !== null) {
        layers.push(
          overrides.get(`${categoryId}:${communityId}`) ?? {},
          overrides.get(`${categoryId}:${streetId}`) ?? {},
        );
        const category = categories.get(categoryId);
        if (category) {
          layers.push(category);
          const parent = category.parentId ? categories.get(category.parentId) : undefined;
          if (parent) layers.push(parent);
        }
      }
      limits = cascadeLimits(layers);
      memo.set(key, limits);
    }
    return limits;
  };
}
