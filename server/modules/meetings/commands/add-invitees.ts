import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { addInviteesBody } from '../../../../contracts/meetings.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { underPath } from '../../../platform/scope.ts';
import { users } from '../../accounts/schema.ts';
import { orgNodes, partyOrgs } from '../../org/schema.ts';
import { loadMeeting } from '../load.ts';
import { publishMeetingChange } from '../live.ts';
import { authorizeMeeting } from '../policy.ts';
import { meetingInvitees } from '../schema.ts';
import { ancestorPath } from '../tree-path.ts';

/**
 * Invites people (accounts living or working in the meeting's street, so that a community can
 * invite the street's departments) and units by name. Re-inviting someone is a no-op.
 */
export async function addInvitees(db: Db, actor: Actor, meetingId: number, input: z.infer<typeof addInviteesBody>) {
  return withTx(db, async (tx) => {
    const meeting = await loadMeeting(tx, actor, meetingId);
    authorizeMeeting(actor, 'write', meeting);
    const streetPath = ancestorPath(meeting.scopePath, 1)!;
    const ids = input.users.map((u) => u.userId);
    const found = ids.length
      ? await tx
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
          .where(and(inArray(users.id, ids), underPath(orgNodes.path, streetPath)))
      : [];
    const names = new Map(found.map((u) => [u.id, u.displayName]));
    const missing = input.users.findIndex((u) => !names.has(u.userId));
    if (missing >= 0) throw invalid(`users.${missing}.userId`, '该人员不存在或不在本街道');
    const orgIds = [...new Set(input.users.flatMap((u) => (u.partyOrgId ? [u.partyOrgId] : [])))];
    const orgs = orgIds.length
      ? await tx
          .select({ id: partyOrgs.id })
          .from(partyOrgs)
          .where(and(inArray(partyOrgs.id, orgIds), underPath(partyOrgs.scopePath, streetPath)))
      : [];
    if (orgs.length !== orgIds.length) throw invalid('users', '党组织不存在或不在本街道');
    const rows = [
      ...input.users.map((u) => ({
        meetingId,
        userId: u.userId,
        displayName: names.get(u.userId)!,
        partyOrgId: u.partyOrgId ?? null,
      })),
      ...input.units.map((name) => ({ meetingId, unitName: name, displayName: name })),
    ];
    const inserted = rows.length
      ? await tx.insert(meetingInvitees).values(rows).onConflictDoNothing().returning({ id: meetingInvitees.id })
      : [];
    await recordAudit(tx, actor, {
      action: 'meetings.invite',
      targetType: 'meeting',
      targetId: meetingId,
      scopePath: meeting.scopePath,
      summary: { users: ids, units: input.units },
    });
    await publishMeetingChange(tx, {
      scopePath: meeting.scopePath,
      targetType: 'meeting',
      targetId: meetingId,
      action: 'meetings.invite',
    });
    return { added: inserted.length };
  });
}
