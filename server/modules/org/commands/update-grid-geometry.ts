import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { loadNodeInScope } from '../load-node.ts';
import { authorizeOrg } from '../policy.ts';
import { orgNodes } from '../schema.ts';
import { bboxColumns, checkGridGeometry } from './check-grid-geometry.ts';

/** Redraws a grid's boundary ("动态调整"), keeping the community free of overlaps. */
export async function updateGridGeometry(db: Db, actor: Actor, gridId: number, geometry: unknown) {
  return withTx(db, async (tx) => {
    const grid = await loadNodeInScope(tx, actor, gridId, 'grid');
    const [community] = await tx.select().from(orgNodes).where(eq(orgNodes.id, grid.parentId!));
    if (!community) throw new AppError('NOT_FOUND');
    authorizeOrg(actor, 'write_grid', community);
    await tx.execute(sql`select id from org_nodes where id = ${community.id} for update`);
    const polygon = await checkGridGeometry(tx, geometry, community, grid.id);
    const [row] = await tx
      .update(orgNodes)
      .set({ geometry: polygon, ...bboxColumns(polygon), updatedAt: sql`now()` })
      .where(eq(orgNodes.id, grid.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'org.grid.redraw',
      targetType: 'org_node',
      targetId: grid.id,
      scopePath: grid.path,
      summary: { code: grid.code },
    });
    return row!;
  });
}
