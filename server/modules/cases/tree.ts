import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { orgNodes } from '../org/schema.ts';

/**
 * The tree has fixed depths (district, street, community, grid, estate, building, house), so a
 * node's street, community and grid are read straight off its materialised path.
 */
export function levelsOfPath(path: string): {
  streetId: number | null;
  communityId: number | null;
  gridId: number | null;
} {
  const ids = path.split('/').filter(Boolean).map(Number);
  return { streetId: ids[1] ?? null, communityId: ids[2] ?? null, gridId: ids[3] ?? null };
}

export async function nodePath(db: Queryable, id: number): Promise<string | null> {
  const [row] = await db.select({ path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, id));
  return row?.path ?? null;
}

/** Path of a community or grid: '/district/street/community/[grid/]'. */
export function truncatePath(path: string, depth: number): string {
  return `/${path.split('/').filter(Boolean).slice(0, depth).join('/')}/`;
}
