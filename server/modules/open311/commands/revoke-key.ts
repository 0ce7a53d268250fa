import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { orgNodes } from '../../org/schema.ts';
import { authorizeKey, keyScopeWhere } from '../policy.ts';
import { open311Keys } from '../schema.ts';

/** Revokes a key at once (idempotent); cases already reported stay in the loop. */
export async function revokeKey(db: Db, actor: Actor, keyId: number) {
  return withTx(db, async (tx) => {
    const [found] = await tx
      .select({ key: open311Keys, path: orgNodes.path })
      .from(open311Keys)
      .innerJoin(orgNodes, eq(orgNodes.id, open311Keys.intakeCommunityId))
      .where(and(eq(open311Keys.id, keyId), keyScopeWhere(actor)));
    if (!found) throw new AppError('NOT_FOUND');
    authorizeKey(actor, found.path);
    if (found.key.revokedAt) return found.key;
    const [row] = await tx
      .update(open311Keys)
      .set({ revokedAt: new Date() })
      .where(eq(open311Keys.id, keyId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'open311.key_revoke',
      targetType: 'open311_key',
      targetId: keyId,
      scopePath: found.path,
      summary: { clientName: found.key.clientName },
    });
    return row!;
  });
}
