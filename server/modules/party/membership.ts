import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { users } from '../accounts/schema.ts';
import { partyMembers, type PartyMemberRow } from './schema.ts';

/** The actor's own party membership, which the policy needs for self-service and branch-secretary rights. */
export interface Membership {
  id: number;
  branchOrgId: number;
  duty: 'member' | 'secretary';
}

export interface PartyViewer {
  actor: Actor;
  membership: Membership | null;
  /** The actor's own member row as read with the viewer: the read-only "me" pages need no second read. */
  ownRow: PartyMemberRow | null;
  /** For a co-building unit contact: the unit (co_units id) whose members they see; null otherwise. */
  coUnitId: number | null;
}

export async function loadViewer(db: Queryable, actor: Actor): Promise<PartyViewer> {
  const [m] = await db
    .select()
    .from(partyMembers)
    .where(and(eq(partyMembers.userId, actor.userId), isNull(partyMembers.leftOn)))
    .limit(1);
  // Only unit contacts speak for a unit; the link lives on the account (users.co_unit_id).
  const [unit] =
    actor.role === 'co_unit_contact'
      ? await db.select({ coUnitId: users.coUnitId }).from(users).where(eq(users.id, actor.userId))
      : [];
  return {
    actor,
    membership: m ? { id: m.id, branchOrgId: m.branchOrgId, duty: m.duty } : null,
    ownRow: m ?? null,
    coUnitId: unit?.coUnitId ?? null,
  };
}
