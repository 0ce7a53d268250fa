import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { partyOrgs } from '../org/schema.ts';
import type { PartyViewer } from './membership.ts';
import { partyMembers } from './schema.ts';

export type MemberAction = 'read' | 'manage' | 'confirm_registration' | 'self';
export type BranchAction = 'read' | 'manage';

type MemberFacts = {
  id: number;
  branchOrgId: number;
  branchPath: string;
  registeredPath: string | null;
  registrationState: string | null;
  userId: number | null;
};

function staffCovers(v: PartyViewer, path: string | null, ability: string): boolean {
  return hasAbility(v.actor.role, ability) && actorCovers(v.actor, path);
}
const isSecretaryOf = (v: PartyViewer, branchOrgId: number) =>
  v.membership?.duty === 'secretary' && v.membership.branchOrgId === branchOrgId;

/**
 * Members visible to the viewer (others are 404): staff see members of branches in their scope
 * and members who registered (双报到) at a community in their scope; a branch secretary sees the
 * branch; every member sees themself.
 */
export function memberScopeWhere(v: PartyViewer): SQL {
  const parts: SQL[] = [eq(partyMembers.userId, v.actor.userId)];
  const { scopePath } = v.actor;
  if (scopePath && (hasAbility(v.actor.role, 'party.manage') || hasAbility(v.actor.role, 'party.read'))) {
    parts.push(underPath(partyMembers.branchPath, scopePath));
    parts.push(
      and(underPath(partyMembers.registeredPath, scopePath), sql`${partyMembers.registrationState} is not null`)!,
    );
  }
  if (v.membership?.duty === 'secretary') parts.push(eq(partyMembers.branchOrgId, v.membership.branchOrgId));
  return or(...parts)!;
}

/** The one place deciding what a viewer may do with a member record (call after memberScopeWhere). */
export function canMember(v: PartyViewer, action: MemberAction, m: MemberFacts): boolean {
  const self = m.userId !== null && m.userId === v.actor.userId;
  const registeredHere = m.registrationState === 'confirmed' && staffCovers(v, m.registeredPath, 'party.manage');
  switch (action) {
    case 'self':
      return self && hasAbility(v.actor.role, 'party.self');
    case 'read':
      return (
        self ||
        isSecretaryOf(v, m.branchOrgId) ||
        staffCovers(v, m.branchPath, 'party.read') ||
        staffCovers(v, m.branchPath, 'party.manage') ||
        (m.registrationState !== null && staffCovers(v, m.registeredPath, 'party.manage'))
      );
    case 'manage':
      // The branch manages its members; the community where an in-service member registered manages their service there.
      return isSecretaryOf(v, m.branchOrgId) || staffCovers(v, m.branchPath, 'party.manage') || registeredHere;
    case 'confirm_registration':
      return m.registrationState === 'pending' && staffCovers(v, m.registeredPath, 'party.manage');
  }
}

export function authorizeMember(v: PartyViewer, action: MemberAction, m: MemberFacts): void {
  if (!canMember(v, action, m)) throw new AppError('FORBIDDEN');
}

export function memberAbilities(v: PartyViewer, m: MemberFacts): MemberAction[] {
  return (['read', 'manage', 'confirm_registration', 'self'] as const).filter((a) => canMember(v, a, m));
}

/** Branch-level work (alerts, red/yellow list, member list): its secretary, or staff whose scope covers it. */
export function canBranch(v: PartyViewer, action: BranchAction, branch: { id: number; scopePath: string }): boolean {
  if (isSecretaryOf(v, branch.id)) return true;
  if (action === 'read' && staffCovers(v, branch.scopePath, 'party.read')) return true;
  return staffCovers(v, branch.scopePath, 'party.manage');
}

export function authorizeBranch(v: PartyViewer, action: BranchAction, branch: { id: number; scopePath: string }): void {
  if (!canBranch(v, action, branch)) throw new AppError('FORBIDDEN');
}

/** Community-level party work (posts, community red/yellow list, registrations to confirm). */
export function canCommunity(v: PartyViewer, action: 'read' | 'manage', community: { path: string }): boolean {
  return (
    staffCovers(v, community.path, 'party.manage') ||
    (action === 'read' && staffCovers(v, community.path, 'party.read'))
  );
}

export function authorizeCommunity(v: PartyViewer, action: 'read' | 'manage', community: { path: string }): void {
  if (!canCommunity(v, action, community)) throw new AppError('FORBIDDEN');
}

/**
 * Who sees a co-building unit's members (the in-service members who name it as work unit):
 * the unit's own contact sees all of them; party staff see those inside their scope (the member
 * predicate above). Another unit's contact gets 404 (units do not learn of each other's
 * members); other roles 403. Returns the extra row filter (none for the unit itself).
 */
export function coUnitMemberFilter(v: PartyViewer, unitId: number): SQL | undefined {
  if (hasAbility(v.actor.role, 'party.co_unit')) {
    if (v.coUnitId !== unitId) throw new AppError('NOT_FOUND');
    return undefined;
  }
  if (v.actor.scopePath && (hasAbility(v.actor.role, 'party.manage') || hasAbility(v.actor.role, 'party.read')))
    return memberScopeWhere(v);
  throw new AppError('FORBIDDEN');
}

/**
 * The party organisation tree (党组织) and co-building (共建). An organisation lies where its
 * governance node does (scope_path): outside the actor's scope it is 404 (partyOrgScopeWhere);
 * inside, staff with 'party.orgs.read' read it, and the community secretary and the
 * administrators above with 'party.orgs.manage' create sub-organisations under it, rename it,
 * retire it and pair co-building units with it. A street's working committee lies at street
 * level, so a community secretary reads only their joint committee and what is under it.
 */
export type PartyOrgAction = 'read' | 'manage';

export function partyOrgScopeWhere(actor: Actor): SQL {
  return actor.scopePath ? underPath(partyOrgs.scopePath, actor.scopePath) : sql`false`;
}

export function canPartyOrg(actor: Actor, action: PartyOrgAction, org: { scopePath: string }): boolean {
  const ability = action === 'read' ? 'party.orgs.read' : 'party.orgs.manage';
  return hasAbility(actor.role, ability) && actorCovers(actor, org.scopePath);
}

export function authorizePartyOrg(actor: Actor, action: PartyOrgAction, org: { scopePath: string }): void {
  if (!canPartyOrg(actor, action, org)) throw new AppError('FORBIDDEN');
}

/** Registering a co-building unit (its name is district-wide, pairings are scoped): any org manager. */
export function authorizeCoUnitRegistration(actor: Actor): void {
  if (!hasAbility(actor.role, 'party.orgs.manage') || !actor.scopePath) throw new AppError('FORBIDDEN');
}

/**
 * Branches whose commitment check (承诺践诺) the viewer may open: party staff see the member-holding
 * organisations in their scope, a branch secretary their own branch; anyone else is refused (403).
 * Marking a commitment stays canMember(…, 'manage', …): the secretary or party.manage staff.
 */
export function commitmentBranchScope(v: PartyViewer): SQL {
  const staff =
    v.actor.scopePath && (hasAbility(v.actor.role, 'party.manage') || hasAbility(v.actor.role, 'party.read'));
  const parts: SQL[] = [];
  if (staff) parts.push(underPath(partyOrgs.scopePath, v.actor.scopePath!));
  if (v.membership?.duty === 'secretary') parts.push(eq(partyOrgs.id, v.membership.branchOrgId));
  if (!parts.length) throw new AppError('FORBIDDEN');
  return or(...parts)!;
}

/**
 * A household's members and their promises (亮身份) are public within the community: staff covering the
 * house and anyone living or working in its community see them; elsewhere the household does not exist (404).
 */
export function canSeeHousehold(actor: Actor, housePath: string, communityPath: string): boolean {
  return actorCovers(actor, housePath) || Boolean(actor.scopePath?.startsWith(communityPath));
}

/** A street's working committee (top of the party tree) is set up by an org manager placed on a node. */
export function authorizeTopPartyOrg(actor: Actor): void {
  if (!hasAbility(actor.role, 'party.orgs.manage') || !actor.scopePath) throw new AppError('FORBIDDEN');
}
