import { and, asc, count, eq, isNull, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { underPath } from '../../../platform/scope.ts';
import { orgNodes } from '../../org/schema.ts';

/**
 * The public house picker: community → estates → buildings → houses. Addresses only (a resident
 * knows their own): id, level, name, code; no counts, people or geometry. Grids are an internal
 * division, so a community's estates are listed through its grids and grid ids answer 404.
 */
export async function publicChildren(q: Queryable, id: number, page: number, pageSize: number) {
  const [node] = await q
    .select({ id: orgNodes.id, level: orgNodes.level, path: orgNodes.path })
    .from(orgNodes)
    .where(and(eq(orgNodes.id, id), isNull(orgNodes.retiredAt)))
    .limit(1);
  let where: SQL | undefined;
  if (node?.level === 'community') where = and(eq(orgNodes.level, 'estate'), underPath(orgNodes.path, node.path));
  else if (node?.level === 'estate' || node?.level === 'building') where = eq(orgNodes.parentId, node.id);
  if (!node || !where) throw new AppError('NOT_FOUND');
  where = and(where, isNull(orgNodes.retiredAt));
  const [rows, [total]] = await Promise.all([
    q
      .select({ id: orgNodes.id, level: orgNodes.level, name: orgNodes.name, code: orgNodes.code })
      .from(orgNodes)
      .where(where)
      .orderBy(asc(orgNodes.code))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    q.select({ n: count() }).from(orgNodes).where(where),
  ]);
  return { data: rows, page: { page, pageSize, total: Number(total?.n ?? 0) } };
}
