import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createGridBody } from '../../../../contracts/org.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { childPath } from '../../../platform/scope.ts';
import { loadNodeInScope } from '../load-node.ts';
import { authorizeOrg } from '../policy.ts';
import { orgNodes } from '../schema.ts';
import { bboxColumns, checkGridGeometry } from './check-grid-geometry.ts';

/** Draws a new grid inside a community: the code extends the community's 12 digits by a 3-digit number. */
export async function createGrid(db: Db, actor: Actor, communityId: number, input: z.infer<typeof createGridBody>) {
  return withTx(db, async (tx) => {
    const community = await loadNodeInScope(tx, actor, communityId, 'community');
    authorizeOrg(actor, 'write_grid', community);
    // Serialise grid drawing per community so two concurrent drafts cannot both pass the overlap check.
    await tx.execute(sql`select id from org_nodes where id = ${community.id} for update`);
    const code = input.code ?? (await nextGridCode(tx, community.id, community.code));
    if (!/^\d{15}$/.test(code)) throw invalid('code', `网格编码必须为 15 位数字，实际 ${code.length} 位`);
    if (!code.startsWith(community.code)) throw invalid('code', `网格编码必须以所属社区编码 ${community.code} 开头`);
    const [taken] = await tx.select({ id: orgNodes.id }).from(orgNodes).where(eq(orgNodes.code, code));
    if (taken)
      throw new AppError('DUPLICATE', {
        message: `网格编码 ${code} 已存在`,
        details: [{ path: 'code', message: '编码已存在' }],
      });
    const polygon = await checkGridGeometry(tx, input.geometry, community, null);
    const [row] = await tx
      .insert(orgNodes)
      .values({
        parentId: community.id,
        level: 'grid',
        code,
        name: input.name,
        path: 'pending',
        households: input.households ?? null,
        geometry: polygon,
        ...bboxColumns(polygon),
      })
      .returning();
    const path = childPath(community.path, row!.id);
    await tx.update(orgNodes).set({ path }).where(eq(orgNodes.id, row!.id));
    await recordAudit(tx, actor, {
      action: 'org.grid.create',
      targetType: 'org_node',
      targetId: row!.id,
      scopePath: path,
      summary: { code, name: input.name },
    });
    return { ...row!, path };
  });
}

async function nextGridCode(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  communityId: number,
  communityCode: string,
): Promise<string> {
  const [last] = await tx
    .select({ code: sql<string | null>`max(${orgNodes.code})` })
    .from(orgNodes)
    .where(and(eq(orgNodes.parentId, communityId), eq(orgNodes.level, 'grid')));
  const seq = last?.code ? Number(last.code.slice(12)) + 1 : 1;
  if (seq > 999) throw invalid('code', '该社区网格编号已用尽（最多 999 个）');
  return communityCode + String(seq).padStart(3, '0');
}
