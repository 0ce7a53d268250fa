import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import type { PartyViewer } from './membership.ts';
import { memberScopeWhere } from './policy.ts';
import { partyMembers, type PartyMemberRow } from './schema.ts';

/** A member record inside the viewer's scope; outside it (or missing) is 404. `lock` takes FOR UPDATE. */
export async function loadMemberFor(db: Queryable, v: PartyViewer, id: number, lock = false): Promise<PartyMemberRow> {
  const q = db
    .select()
    .from(partyMembers)
    .where(and(eq(partyMembers.id, id), memberScopeWhere(v)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The viewer's own member record, or 404 for users who are no party member. */
export async function loadOwnMember(db: Queryable, v: PartyViewer, lock = false): Promise<PartyMemberRow> {
  if (!v.membership) throw new AppError('NOT_FOUND', { message: '您还不是登记在册的党员' });
  return loadMemberFor(db, v, v.membership.id, lock);
}

/** The viewer's own member record as loadViewer read it (read-only pages); 404 for users who are no party member. */
export function ownMemberRow(v: PartyViewer): PartyMemberRow {
  if (!v.ownRow) throw new AppError('NOT_FOUND', { message: '您还不是登记在册的党员' });
  return v.ownRow;
}
