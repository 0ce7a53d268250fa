import { count, desc, eq } from 'drizzle-orm';
import type { Open311Key } from '../../../contracts/open311.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { orgNodes } from '../org/schema.ts';
import { keyScopeWhere } from './policy.ts';
import { open311Keys, open311Requests } from './schema.ts';

type KeyRow = typeof open311Keys.$inferSelect;

export function presentKey(k: KeyRow, community: { id: number; name: string }, requestCount: number): Open311Key {
  return {
    id: k.id,
    clientName: k.clientName,
    keyPrefix: k.keyPrefix,
    ratePerMinute: k.ratePerMinute,
    community,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
    requestCount,
  };
}

/** Keys whose intake community lies in the actor's scope, newest first, with how many requests each sent. */
export async function listKeys(db: Queryable, actor: Actor, page: number, pageSize: number) {
  const where = keyScopeWhere(actor);
  const requests = db
    .select({ keyId: open311Requests.keyId, n: count().as('n') })
    .from(open311Requests)
    .groupBy(open311Requests.keyId)
    .as('requests');
  const [rows, [total]] = await Promise.all([
    db
      .select({ key: open311Keys, communityName: orgNodes.name, n: requests.n })
      .from(open311Keys)
      .innerJoin(orgNodes, eq(orgNodes.id, open311Keys.intakeCommunityId))
      .leftJoin(requests, eq(requests.keyId, open311Keys.id))
      .where(where)
      .orderBy(desc(open311Keys.createdAt), desc(open311Keys.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: count() })
      .from(open311Keys)
      .innerJoin(orgNodes, eq(orgNodes.id, open311Keys.intakeCommunityId))
      .where(where),
  ]);
  return {
    data: rows.map((r) => presentKey(r.key, { id: r.key.intakeCommunityId, name: r.communityName }, Number(r.n ?? 0))),
    page: { page, pageSize, total: total!.n },
  };
}
