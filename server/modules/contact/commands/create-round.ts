import type { z } from 'zod';
import type { createRoundBody } from '../../../../contracts/contact.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { loadCommunity } from '../load.ts';
import { authorizeContact } from '../policy.ts';
import { contactRounds } from '../schema.ts';

/** Opens a visiting round (第 N 轮入户走访) of a community. */
export async function createRound(db: Db, actor: Actor, input: z.infer<typeof createRoundBody>) {
  return withTx(db, async (tx) => {
    const community = await loadCommunity(tx, input.communityId);
    authorizeContact(actor, 'manage', { path: community.path });
    const [row] = await tx
      .insert(contactRounds)
      .values({
        communityId: community.id,
        communityPath: community.path,
        no: input.no,
        title: input.title,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw invalid('no', `本社区已有第 ${input.no} 轮走访`);
    await recordAudit(tx, actor, {
      action: 'contact.round.create',
      targetType: 'contact_round',
      targetId: row.id,
      scopePath: community.path,
      summary: { no: row.no, title: row.title },
    });
    return row;
  });
}
