import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { partyMembers } from './schema.ts';

/** The actor's own party membership, which the policy needs for self-service and branch-secretary rights. */
export interface Membership { id: number; branchOrgId: number; duty: 'member' | 'secretary' }

export interface PartyViewer { actor: Actor; membership: Membership | null }

export async function loadViewer(db: Queryable, actor: Actor): Promise<PartyViewer> {
  const [m] = await db.select({ id: partyMembers.id, branchOrgId: partyMembers.branchOrgId, duty: partyMembers.duty }).from(partyMembers)
    .where(and(eq(partyMembers.userId, actor.userId), isNull(partyMembers.leftOn))).limit(1);
  return { actor, membership: m ?? null };
}
