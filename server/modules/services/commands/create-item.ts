import type { z } from 'zod';
import type { createServiceItemBody } from '../../../../contracts/services.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { authorizeService } from '../policy.ts';
import { serviceItems } from '../schema.ts';

export async function createServiceItem(db: Db, actor: Actor, input: z.infer<typeof createServiceItemBody>) {
  return withTx(db, async (tx) => {
    const community = await loadNodeInScope(tx, actor, input.communityId, 'community');
    authorizeService(actor, 'manage', community.path);
    const [row] = await tx
      .insert(serviceItems)
      .values({ ...input, scopePath: community.path })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError('DUPLICATE', {
        message: '本社区已有同名服务事项',
        details: [{ path: 'name', message: '名称已存在' }],
      });
    await recordAudit(tx, actor, {
      action: 'services.item.create',
      targetType: 'service_item',
      targetId: row.id,
      scopePath: community.path,
      summary: { name: input.name },
    });
    return row;
  });
}
