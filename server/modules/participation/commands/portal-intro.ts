import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { loadCommunity } from '../load.ts';
import { authorizeCreateIn } from '../policy.ts';
import { portalIntros } from '../schema.ts';

/** Staff of the community write the portal's introduction (one per community, replaced). */
export async function savePortalIntro(db: Db, actor: Actor, communityId: number, intro: string) {
  return withTx(db, async (tx) => {
    const community = await loadCommunity(tx, communityId);
    authorizeCreateIn(actor, community);
    const values = { communityId, intro, updatedBy: actor.userId, updatedAt: new Date() };
    await tx.insert(portalIntros).values(values).onConflictDoUpdate({ target: portalIntros.communityId, set: values });
    await recordAudit(tx, actor, {
      action: 'participation.portal.intro',
      targetType: 'org_node',
      targetId: communityId,
      scopePath: community.path,
      summary: { length: intro.length },
    });
    return { intro };
  });
}
