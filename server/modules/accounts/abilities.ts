import type { Role } from '../../../contracts/roles.ts';

/**
 * What each role may do at all, before scope is considered. Module policies check
 * these abilities plus the row's scope; the web app hides buttons using the same list.
 */
const STAFF_READ = ['org.read', 'cases.read', 'analytics.read'];
const PEOPLE_ALL = ['people.read', 'people.write', 'people.import', 'people.export', 'people.reveal'];
/** Meetings, services, neighbourhood boards and ratings (community life). */
const COMMUNITY_LIFE: Record<Role, readonly string[]> = {
  district_admin: [
    'meetings.read',
    'meetings.write',
    'services.manage',
    'boards.manage',
    'ratings.read',
    'ratings.compute',
  ],
  street_admin: [
    'meetings.read',
    'meetings.write',
    'services.manage',
    'boards.manage',
    'ratings.read',
    'ratings.compute',
  ],
  community_secretary: [
    'meetings.read',
    'meetings.write',
    'services.manage',
    'services.handle',
    'boards.manage',
    'boards.read',
    'boards.announce',
    'boards.moderate',
    'ratings.read',
    'ratings.adjust',
    'ratings.vote',
  ],
  community_staff: [
    'meetings.read',
    'meetings.write',
    'services.manage',
    'services.handle',
    'boards.manage',
    'boards.read',
    'boards.announce',
    'boards.moderate',
    'ratings.read',
  ],
  grid_worker: [
    'meetings.read',
    'services.handle',
    'services.proxy_for',
    'boards.read',
    'boards.announce',
    'boards.moderate',
  ],
  building_leader: [
    'services.book',
    'services.proxy_for',
    'boards.read',
    'boards.post',
    'boards.announce',
    'boards.moderate',
    'ratings.rate_property',
  ],
  party_member: ['services.book', 'boards.read', 'boards.post', 'ratings.rate_property'],
  volunteer: ['services.book', 'boards.read', 'boards.post'],
  resident: ['services.book', 'boards.read', 'boards.post', 'ratings.rate_property'],
  department_handler: ['ratings.read_own'],
  co_unit_contact: [],
  property_company: [],
  kiosk: [],
};
/** Administration: accounts, residents' real-name verification, categories and routing, security settings. */
const ADMINISTRATION: Partial<Record<Role, readonly string[]>> = {
  // cases.configure: local time limits of categories and the canned replies of their own area.
  district_admin: ['accounts.manage', 'config.manage', 'security.manage', 'cases.configure'],
  street_admin: ['accounts.manage', 'config.manage', 'cases.configure'],
  community_secretary: ['accounts.manage', 'accounts.verify', 'cases.configure'],
  community_staff: ['accounts.verify'],
};
/** Connected fire and elderly-care devices: staff register them; grid workers see their grid's alarms. */
const DEVICES: Partial<Record<Role, readonly string[]>> = {
  district_admin: ['devices.read', 'devices.manage'],
  street_admin: ['devices.read', 'devices.manage'],
  community_secretary: ['devices.read', 'devices.manage'],
  community_staff: ['devices.read', 'devices.manage'],
  grid_worker: ['devices.read'],
};
/** The party organisation tree: who opens it, and who creates, renames and retires organisations and co-building pairings. */
const PARTY_ORGS: Partial<Record<Role, readonly string[]>> = {
  district_admin: ['party.orgs.read', 'party.orgs.manage'],
  street_admin: ['party.orgs.read', 'party.orgs.manage'],
  community_secretary: ['party.orgs.read', 'party.orgs.manage'],
  community_staff: ['party.orgs.read'],
  grid_worker: ['party.orgs.read'],
};
/**
 * Joint patrols (联合巡查): street and community leads plan them within their scope; the staff who
 * walk them — department handlers included — see their own plans, check in and record findings.
 */
const PATROLS: Partial<Record<Role, readonly string[]>> = {
  district_admin: ['patrols.plan'],
  street_admin: ['patrols.plan', 'patrols.join'],
  community_secretary: ['patrols.plan', 'patrols.join'],
  community_staff: ['patrols.join'],
  grid_worker: ['patrols.join'],
  department_handler: ['patrols.join'],
};
/** 居民参与 (consultations, surveys, micro-project votes): community staff and administrators above manage; residents take part. */
const PARTICIPATION: Partial<Record<Role, readonly string[]>> = {
  district_admin: ['participation.manage'],
  street_admin: ['participation.manage'],
  community_secretary: ['participation.manage'],
  community_staff: ['participation.manage'],
  building_leader: ['participation.take_part'],
  party_member: ['participation.take_part'],
  volunteer: ['participation.take_part'],
  resident: ['participation.take_part'],
};
/**
 * 包保联户: contact.visit keeps households and records visits; contact.manage sets rounds and assigns
 * households; contact.read sees the round coverage figures.
 */
const CONTACT: Partial<Record<Role, readonly string[]>> = {
  district_admin: ['contact.read', 'contact.manage'],
  street_admin: ['contact.read', 'contact.manage', 'contact.visit'],
  community_secretary: ['contact.read', 'contact.manage', 'contact.visit'],
  community_staff: ['contact.read', 'contact.manage', 'contact.visit'],
  grid_worker: ['contact.read', 'contact.visit'],
  party_member: ['contact.visit'],
};
/**
 * Party members shown to residents: outreach.wall reads the community's 党群连心墙, outreach.self
 * marks one's own home as 党员户, outreach.zone shows "我的一区两员", outreach.manage keeps the zones.
 */
const OUTREACH: Partial<Record<Role, readonly string[]>> = {
  district_admin: ['outreach.wall', 'outreach.manage'],
  street_admin: ['outreach.wall', 'outreach.manage'],
  community_secretary: ['outreach.wall', 'outreach.manage'],
  community_staff: ['outreach.wall', 'outreach.manage'],
  grid_worker: ['outreach.wall'],
  building_leader: ['outreach.wall', 'outreach.zone'],
  party_member: ['outreach.wall', 'outreach.zone', 'outreach.self'],
  volunteer: ['outreach.wall', 'outreach.zone'],
  resident: ['outreach.wall', 'outreach.zone'],
};
/** 手机党校 / 网格学院 (study, manage courses, per-branch figures) and cadres (岗位, 干部库, 后备人才, 网格力量). */
const SCHOOL_AND_CADRES: Partial<Record<Role, readonly string[]>> = {
  district_admin: ['school.study', 'school.manage', 'school.stats', 'cadres.read', 'cadres.manage'],
  street_admin: ['school.study', 'school.manage', 'school.stats', 'cadres.read', 'cadres.manage'],
  community_secretary: ['school.study', 'school.manage', 'school.stats', 'cadres.read', 'cadres.manage'],
  community_staff: ['school.study', 'school.manage', 'cadres.read', 'cadres.forces'],
  grid_worker: ['school.study', 'cadres.read'],
  building_leader: ['school.study'],
  party_member: ['school.study'],
};
/** Notices beyond the app: everyone keeps their own channels; district and street administrators run webhooks and the send log. */
const NOTIFY: Partial<Record<Role, readonly string[]>> = {
  district_admin: ['notify.manage'],
  street_admin: ['notify.manage'],
};
const ABILITIES: Record<Role, readonly string[]> = {
  district_admin: [
    ...COMMUNITY_LIFE.district_admin,
    'open311.manage',
    'party.manage',
    'wishes.manage',
    'volunteers.manage',
    ...STAFF_READ,
    ...PEOPLE_ALL,
    'org.write',
    'org.grid.write',
    'cases.dispatch',
    'cases.report',
    'audit.read',
    'calendar.manage',
  ],
  street_admin: [
    ...COMMUNITY_LIFE.street_admin,
    'open311.manage',
    'party.manage',
    'wishes.manage',
    'volunteers.manage',
    ...STAFF_READ,
    ...PEOPLE_ALL,
    'org.write',
    'org.grid.write',
    'cases.dispatch',
    'cases.report',
    'audit.read',
  ],
  community_secretary: [
    ...COMMUNITY_LIFE.community_secretary,
    'open311.manage',
    'party.manage',
    'wishes.manage',
    'volunteers.manage',
    ...STAFF_READ,
    ...PEOPLE_ALL,
    'org.grid.write',
    'cases.dispatch',
    'cases.report',
    'audit.read',
  ],
  community_staff: [
    ...COMMUNITY_LIFE.community_staff,
    'party.manage',
    'wishes.manage',
    'volunteers.manage',
    ...STAFF_READ,
    'people.read',
    'people.write',
    'people.import',
    'people.export',
    'cases.dispatch',
    'cases.report',
  ],
  grid_worker: [
    ...COMMUNITY_LIFE.grid_worker,
    'party.read',
    'wishes.publish',
    ...STAFF_READ,
    'people.read',
    'people.write',
    'cases.report',
    'cases.verify',
  ],
  building_leader: [...COMMUNITY_LIFE.building_leader, 'wishes.publish', 'volunteers.join', 'org.read', 'cases.report'],
  party_member: [
    ...COMMUNITY_LIFE.party_member,
    'party.self',
    'wishes.publish',
    'wishes.claim',
    'volunteers.join',
    'cases.report',
  ],
  volunteer: [...COMMUNITY_LIFE.volunteer, 'wishes.publish', 'wishes.claim', 'volunteers.join', 'cases.report'],
  resident: [...COMMUNITY_LIFE.resident, 'wishes.publish', 'volunteers.join', 'cases.report'],
  department_handler: [...COMMUNITY_LIFE.department_handler, 'cases.read', 'cases.handle'],
  co_unit_contact: [...COMMUNITY_LIFE.co_unit_contact, 'party.co_unit', 'wishes.claim', 'org.read'],
  property_company: [...COMMUNITY_LIFE.property_company, 'cases.read', 'cases.handle'],
  // 易办事 self-service terminal: its kiosk screen only (catalogue, booking and reports for the
  // resident identified at the terminal); it reads nothing else.
  kiosk: ['kiosk.use', 'cases.report'],
};

const ALL = Object.fromEntries(
  (Object.keys(ABILITIES) as Role[]).map((role) => [
    role,
    [
      ...ABILITIES[role],
      ...(ADMINISTRATION[role] ?? []),
      ...(DEVICES[role] ?? []),
      ...(PARTY_ORGS[role] ?? []),
      ...(PATROLS[role] ?? []),
      ...(PARTICIPATION[role] ?? []),
      ...(CONTACT[role] ?? []),
      ...(OUTREACH[role] ?? []),
      ...(SCHOOL_AND_CADRES[role] ?? []),
      'notify.self',
      ...(NOTIFY[role] ?? []),
    ],
  ]),
) as unknown as Record<Role, readonly string[]>;

export function abilitiesOf(role: Role): readonly string[] {
  return ALL[role];
}

export function hasAbility(role: Role, ability: string): boolean {
  return ALL[role].includes(ability);
}
