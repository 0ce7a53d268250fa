import type { Role } from '../../../contracts/roles.ts';

/**
 * What each role may do at all, before scope is considered. Module policies check
 * these abilities plus the row's scope; the web app hides buttons using the same list.
 */
const STAFF_READ = ['org.read', 'cases.read'];
const ABILITIES: Record<Role, readonly string[]> = {
  district_admin: [...STAFF_READ, 'org.write', 'org.grid.write', 'cases.dispatch', 'cases.report', 'audit.read'],
  street_admin: [...STAFF_READ, 'org.write', 'org.grid.write', 'cases.dispatch', 'cases.report', 'audit.read'],
  community_secretary: [...STAFF_READ, 'org.grid.write', 'cases.dispatch', 'cases.report', 'audit.read'],
  community_staff: [...STAFF_READ, 'cases.dispatch', 'cases.report'],
  grid_worker: [...STAFF_READ, 'cases.report', 'cases.verify'],
  building_leader: ['org.read', 'cases.report'],
  party_member: ['cases.report'],
  volunteer: ['cases.report'],
  resident: ['cases.report'],
  department_handler: ['cases.read', 'cases.handle'],
  co_unit_contact: ['org.read'],
  property_company: ['cases.read', 'cases.handle'],
};

export function abilitiesOf(role: Role): readonly string[] {
  return ABILITIES[role];
}

export function hasAbility(role: Role, ability: string): boolean {
  return ABILITIES[role].includes(ability);
}
