import { and, asc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { invalid } from '../../platform/errors.ts';
import { underPath } from '../../platform/scope.ts';
import { users } from '../accounts/schema.ts';
import { coUnitPairings, coUnits, partyOrgs } from '../org/schema.ts';
import { partyMembers } from '../party/schema.ts';
import { volunteerTeams } from '../volunteers/schema.ts';
import type { WishRow } from './schema.ts';

export type AssigneeKind = 'member' | 'team' | 'co_unit';
/** Who receives a dispatched item: the account answering for it and the name shown on the item. */
export interface Assignee {
  kind: AssigneeKind;
  id: number;
  userId: number;
  name: string;
}

type Community = Pick<WishRow, 'communityId' | 'communityPath'>;

/** Members serving the community: their branch's community, or the one they registered at (双报到, confirmed). */
function membersOf(db: Queryable, c: Community) {
  return db
    .select({
      id: partyMembers.id,
      name: partyMembers.name,
      userId: partyMembers.userId,
      workUnit: partyMembers.workUnit,
    })
    .from(partyMembers)
    .where(
      and(
        isNull(partyMembers.leftOn),
        or(
          eq(partyMembers.homeCommunityId, c.communityId),
          and(eq(partyMembers.registeredCommunityId, c.communityId), eq(partyMembers.registrationState, 'confirmed')),
        ),
      ),
    )
    .orderBy(asc(partyMembers.name), asc(partyMembers.id))
    .limit(500);
}

function teamsOf(db: Queryable, c: Community) {
  return db
    .select({
      id: volunteerTeams.id,
      name: volunteerTeams.name,
      userId: volunteerTeams.leaderUserId,
      leaderName: volunteerTeams.leaderName,
    })
    .from(volunteerTeams)
    .where(eq(volunteerTeams.communityId, c.communityId))
    .orderBy(asc(volunteerTeams.id))
    .limit(200);
}

/** Co-building units paired with the community's joint committee or one of its grid branches, and each unit's first active contact account. */
async function unitsOf(db: Queryable, c: Community) {
  const units = await db
    .selectDistinct({ id: coUnits.id, name: coUnits.name })
    .from(coUnits)
    .innerJoin(coUnitPairings, eq(coUnitPairings.coUnitId, coUnits.id))
    .innerJoin(partyOrgs, eq(partyOrgs.id, coUnitPairings.partyOrgId))
    .where(and(underPath(partyOrgs.scopePath, c.communityPath), isNull(partyOrgs.retiredAt)))
    .orderBy(asc(coUnits.name), asc(coUnits.id))
    .limit(200);
  const contacts = units.length
    ? await db
        .select({ id: users.id, coUnitId: users.coUnitId, name: users.displayName })
        .from(users)
        .where(
          and(
            eq(users.role, 'co_unit_contact'),
            inArray(
              users.coUnitId,
              units.map((u) => u.id),
            ),
            isNull(users.disabledAt),
            isNotNull(users.coUnitId),
          ),
        )
        .orderBy(asc(users.id))
    : [];
  return units.map((u) => {
    const contact = contacts.find((x) => x.coUnitId === u.id);
    return { ...u, userId: contact?.id ?? null, contactName: contact?.name ?? null };
  });
}

/** The three lists the dispatch dialog offers; those without an account to receive the item are listed but not dispatchable. */
export async function dispatchOptions(db: Queryable, c: Community) {
  const [members, teams, units] = await Promise.all([membersOf(db, c), teamsOf(db, c), unitsOf(db, c)]);
  return {
    member: members.map((m) => ({
      id: m.id,
      name: m.name,
      detail: m.userId ? (m.workUnit ?? '党员') : '未开通账号',
      dispatchable: m.userId !== null,
    })),
    team: teams.map((t) => ({
      id: t.id,
      name: t.name,
      detail: t.leaderName ? `队长 ${t.leaderName}` : '未设队长',
      dispatchable: t.userId !== null,
    })),
    co_unit: units.map((u) => ({
      id: u.id,
      name: u.name,
      detail: u.contactName ? `联系人 ${u.contactName}` : '无联系人账号',
      dispatchable: u.userId !== null,
    })),
  };
}

/** Resolves the chosen assignee inside the item's community; anyone else, or anyone without an account, is a 422 on `assignee.id`. */
export async function resolveAssignee(db: Queryable, c: Community, kind: AssigneeKind, id: number): Promise<Assignee> {
  const options =
    kind === 'member'
      ? (await membersOf(db, c)).map((m) => ({ id: m.id, userId: m.userId, name: m.name }))
      : kind === 'team'
        ? (await teamsOf(db, c)).map((t) => ({ id: t.id, userId: t.userId, name: t.name }))
        : (await unitsOf(db, c)).map((u) => ({ id: u.id, userId: u.userId, name: u.name }));
  const hit = options.find((o) => o.id === id);
  const what = { member: '党员', team: '志愿服务队', co_unit: '共建单位' }[kind];
  if (!hit) throw invalid('assignee.id', `该${what}不在本社区${kind === 'co_unit' ? '的结对共建单位中' : ''}`);
  if (hit.userId === null)
    throw invalid(
      'assignee.id',
      kind === 'member'
        ? '该党员未开通账号，无法接收派单'
        : kind === 'team'
          ? '该志愿服务队未设队长账号，无法接收派单'
          : '该共建单位没有联系人账号，无法接收派单',
    );
  return { kind, id, userId: hit.userId, name: hit.name };
}
