import { eq } from 'drizzle-orm';
import type { CreateKeyInput } from '../../../../contracts/open311.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { users } from '../../accounts/schema.ts';
import { orgNodes } from '../../org/schema.ts';
import { generateKey, hashKey } from '../keys.ts';
import { authorizeKey } from '../policy.ts';
import { open311Keys } from '../schema.ts';

/** A password hash no password verifies against: the system account can never sign in. */
const NO_LOGIN = '!open311-system-account';

/**
 * Issues a key. Each client reports through a system account (role community_staff, scoped to
 * the intake community, username `open311:<client>`), so its cases enter the loop like any
 * walk-in registration and wait in that community's intake for acceptance. `actor` null is the
 * command line, which has database access and so every right.
 */
export async function createKey(db: Db, actor: Actor | null, input: CreateKeyInput) {
  return withTx(db, async (tx) => {
    const [community] = await tx.select().from(orgNodes).where(eq(orgNodes.id, input.communityId));
    if (!community || community.level !== 'community') throw invalid('communityId', '受理社区不存在');
    if (actor) authorizeKey(actor, community.path);
    const username = `open311:${input.clientName}`;
    let [account] = await tx.select().from(users).where(eq(users.username, username));
    if (account && account.scopeNodeId !== community.id)
      throw invalid('clientName', '该客户端已在其他社区受理，请换一个名称');
    account ??= (
      await tx
        .insert(users)
        .values({
          username,
          displayName: `Open311·${input.clientName}`,
          passwordHash: NO_LOGIN,
          role: 'community_staff',
          scopeNodeId: community.id,
        })
        .returning()
    )[0]!;
    const key = generateKey();
    const [row] = await tx
      .insert(open311Keys)
      .values({
        clientName: input.clientName,
        keyHash: hashKey(key),
        keyPrefix: key.slice(0, 6),
        intakeCommunityId: community.id,
        userId: account.id,
        ratePerMinute: input.ratePerMinute,
        createdBy: actor?.userId ?? null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'open311.key_create',
      targetType: 'open311_key',
      targetId: row!.id,
      scopePath: community.path,
      summary: { clientName: input.clientName, via: actor ? 'web' : 'cli' },
    });
    return { row: row!, key, community: { id: community.id, name: community.name } };
  });
}
