import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateServiceItemBody } from '../../../../contracts/services.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { loadItemVisible } from '../load.ts';
import { authorizeService } from '../policy.ts';
import { serviceItems } from '../schema.ts';

/** Edits a catalogue item or withdraws it (active: false); bookings keep pointing at it. */
export async function updateServiceItem(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof updateServiceItemBody>,
) {
  return withTx(db, async (tx) => {
    const item = await loadItemVisible(tx, actor, id);
    authorizeService(actor, 'manage', item.scopePath);
    if (input.name && input.name !== item.name) {
      const [same] = await tx
        .select({ id: serviceItems.id })
        .from(serviceItems)
        .where(
          and(
            eq(serviceItems.communityId, item.communityId),
            eq(serviceItems.name, input.name),
            ne(serviceItems.id, id),
          ),
        );
      if (same)
        throw new AppError('DUPLICATE', {
          message: '本社区已有同名服务事项',
          details: [{ path: 'name', message: '名称已存在' }],
        });
    }
    if (!Object.keys(input).length) return item;
    const [row] = await tx.update(serviceItems).set(input).where(eq(serviceItems.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'services.item.update',
      targetType: 'service_item',
      targetId: id,
      scopePath: item.scopePath,
      summary: input,
    });
    return row!;
  });
}
