import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { orgNodes } from '../org/schema.ts';
import { contactAssignments, contactRounds } from './schema.ts';

/** A community node by id (404 when missing or not a community); access is decided by the caller's policy. */
export async function loadCommunity(db: Queryable, id: number) {
  const [node] = await db
    .select({ id: orgNodes.id, name: orgNodes.name, path: orgNodes.path })
    .from(orgNodes)
    .where(and(eq(orgNodes.id, id), eq(orgNodes.level, 'community')));
  if (!node) throw new AppError('NOT_FOUND');
  return node;
}

/** The community an actor works in (their scope's third segment), or null above community level. */
export function communityIdOf(scopePath: string | null): number | null {
  const id = Number(scopePath?.split('/').filter(Boolean)[2]);
  return Number.isFinite(id) && id > 0 ? id : null;
}

export async function loadRound(db: Queryable, id: number) {
  const [round] = await db.select().from(contactRounds).where(eq(contactRounds.id, id));
  if (!round) throw new AppError('NOT_FOUND');
  return round;
}

/** A house node with its contact (null when nobody keeps it yet). */
export async function loadHouse(db: Queryable, houseNodeId: number) {
  const [house] = await db
    .select({
      id: orgNodes.id,
      name: orgNodes.name,
      path: orgNodes.path,
      contactUserId: contactAssignments.contactUserId,
    })
    .from(orgNodes)
    .leftJoin(contactAssignments, eq(contactAssignments.houseNodeId, orgNodes.id))
    .where(and(eq(orgNodes.id, houseNodeId), eq(orgNodes.level, 'house')));
  if (!house) throw new AppError('NOT_FOUND');
  return house;
}
