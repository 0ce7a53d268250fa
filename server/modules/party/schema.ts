import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const MEMBER_KINDS = ['regular', 'in_service', 'retired', 'floating'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const REGISTRATION_STATES = ['pending', 'confirmed', 'rejected'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/**
 * A party member. The organisation relation is `branch_org_id` (a party_orgs row of the org
 * module); `branch_path` copies that org's scope_path so that scope filters stay one indexed
 * prefix match. Dual registration (双报到) adds the community where the member lives and serves:
 * once confirmed, both the branch's and the registered community's staff see the member.
 */
export const partyMembers = pgTable(
  'party_members',
  {
    id: serial('id').primaryKey(),
    /** The member's account, when they have one (many records are kept for members without accounts). */
    userId: integer('user_id'),
    name: text('name').notNull(),
    kind: text('kind').$type<MemberKind>().notNull().default('regular'),
    /** 'secretary' marks the branch secretary, who approves posts and receives the branch's alerts. */
    duty: text('duty').$type<'member' | 'secretary'>().notNull().default('member'),
    branchOrgId: integer('branch_org_id').notNull(),
    branchPath: text('branch_path').notNull(),
    /** The community that serves as "home community" for points: the registered one when confirmed. */
    homeCommunityId: integer('home_community_id').notNull(),
    /** Where the member lives (a house or building node): marks the party-member household (党员户). */
    homeNodeId: integer('home_node_id'),
    homePath: text('home_path'),
    workUnit: text('work_unit'),
    /** The co-building unit (co_units, org module) when the work unit is one: that unit sees the member's community service. */
    coUnitId: integer('co_unit_id'),
    registeredCommunityId: integer('registered_community_id'),
    registeredPath: text('registered_path'),
    registrationState: text('registration_state').$type<RegistrationState>(),
    joinedOn: date('joined_on', { mode: 'string' })
      .notNull()
      .default(sql`current_date`),
    leftOn: date('left_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('party_members_user_uq').on(t.userId),
    index('party_members_branch_idx').on(t.branchOrgId),
    index('party_members_branch_path_idx').using('btree', sql`${t.branchPath} text_pattern_ops`),
    index('party_members_registered_path_idx').using('btree', sql`${t.registeredPath} text_pattern_ops`),
    index('party_members_home_path_idx').using('btree', sql`${t.homePath} text_pattern_ops`),
    index('party_members_co_unit_idx').on(t.coUnitId),
    check('party_members_kind_ck', sql`${t.kind} in ('regular','in_service','retired','floating')`),
  ],
);

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A post (岗位) of a community, with its points target per period. */
export const partyPosts = pgTable(
  'party_posts',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id').notNull(),
    communityPath: text('community_path').notNull(),
    name: text('name').notNull(),
    duties: text('duties').notNull().default(''),
    period: text('period').$type<PeriodKind>().notNull(),
    targetPoints: integer('target_points').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('party_posts_community_name_uq').on(t.communityId, t.name)],
);

/** Quantified service items: what earns points, from which platform source, and how many. */
export const partyServiceItems = pgTable(
  'party_service_items',
  {
    id: serial('id').primaryKey(),
    postId: integer('post_id').notNull(),
    communityId: integer('community_id').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    /** 'case.accepted', 'wish.fulfilled', 'volunteer.hour', 'meeting.attended', or 'manual' for branch entries. */
    sourceKind: text('source_kind').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [
    uniqueIndex('party_service_items_code_uq').on(t.communityId, t.code),
    index('party_service_items_source_idx').on(t.communityId, t.sourceKind),
  ],
);

/** A member's claim of a post (认岗), approved by the branch. */
export const partyMemberPosts = pgTable(
  'party_member_posts',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id').notNull(),
    postId: integer('post_id').notNull(),
    state: text('state').$type<'pending' | 'approved' | 'rejected'>().notNull().default('pending'),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('party_member_posts_uq').on(t.memberId, t.postId)],
);

/**
 * The point ledger. Every row names its source, and (member, source kind, source id, item) is
 * unique, so a replayed or retried accrual is a no-op. The activity record (全程纪实) is a query
 * over this table; branch and community are copied at accrual so that a past month's lists
 * are reproducible even after a member moves.
 */
export const partyPoints = pgTable(
  'party_points',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: integer('member_id').notNull(),
    branchOrgId: integer('branch_org_id').notNull(),
    communityId: integer('community_id').notNull(),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    item: text('item').notNull(),
    points: integer('points').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    note: text('note'),
    evidence: text('evidence'),
    enteredBy: integer('entered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('party_points_source_uq').on(t.memberId, t.sourceKind, t.sourceId, t.item),
    // The activity record (全程纪实): read backwards, a member's rows come newest first in exactly the
    // page's order (occurred_at desc, id desc: no sort, stop after one page), and the kind and points
    // make the per-source totals and period sums index-only scans. drizzle has no INCLUDE, so they are
    // trailing key columns (same leaf size). Ascending on purpose: drizzle writes DESC as DESC NULLS
    // LAST, which does not match ORDER BY … DESC (NULLS FIRST), and the planner then sorts every row.
    index('party_points_member_record_idx').on(t.memberId, t.occurredAt, t.id, t.sourceKind, t.points),
    index('party_points_branch_month_idx').on(t.branchOrgId, t.occurredAt, t.memberId, t.points),
    index('party_points_community_month_idx').on(t.communityId, t.occurredAt, t.memberId, t.points),
  ],
);

/** Automatic alerts: one per member, period and kind (the unique index makes the job idempotent). */
export const partyAlerts = pgTable(
  'party_alerts',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id').notNull(),
    branchOrgId: integer('branch_org_id').notNull(),
    periodKey: text('period_key').notNull(),
    kind: text('kind').notNull(),
    points: integer('points').notNull(),
    target: integer('target').notNull(),
    expected: integer('expected').notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    remindedBy: integer('reminded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('party_alerts_uq').on(t.memberId, t.periodKey, t.kind),
    index('party_alerts_branch_idx').on(t.branchOrgId, t.createdAt),
  ],
);

/** A published red/yellow list (红黄榜): the snapshot the secretary confirmed. */
export const partyHonorLists = pgTable(
  'party_honor_lists',
  {
    id: serial('id').primaryKey(),
    scopeKind: text('scope_kind').$type<'branch' | 'community'>().notNull(),
    /** party_orgs id for a branch list, org_nodes id for a community list. */
    scopeId: integer('scope_id').notNull(),
    scopePath: text('scope_path').notNull(),
    month: text('month').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    confirmedBy: integer('confirmed_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('party_honor_lists_uq').on(t.scopeKind, t.scopeId, t.month)],
);

/** Commitments (亮身份、作承诺、当先锋) for a year; the branch marks fulfilment. */
export const partyCommitments = pgTable(
  'party_commitments',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id').notNull(),
    year: integer('year').notNull(),
    content: text('content').notNull(),
    state: text('state').$type<'published' | 'fulfilled' | 'unfulfilled'>().notNull().default('published'),
    note: text('note'),
    markedBy: integer('marked_by'),
    markedAt: timestamp('marked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('party_commitments_member_idx').on(t.memberId, t.year)],
);

export type PartyMemberRow = typeof partyMembers.$inferSelect;
