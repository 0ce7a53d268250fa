import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** 包保联户 rounds of a community (e.g. 15 a year), each with its period. */
export const contactRounds = pgTable(
  'contact_rounds',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id').notNull(),
    communityPath: text('community_path').notNull(),
    no: integer('no').notNull(),
    title: text('title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contact_rounds_no_uq').on(t.communityId, t.no)],
);

/**
 * Who keeps which household: one contact per house (a house node of the governance tree, the
 * people module's houses). `house_path` copies the node's path so scope and per-grid counts are
 * prefix matches.
 */
export const contactAssignments = pgTable(
  'contact_assignments',
  {
    houseNodeId: integer('house_node_id').primaryKey(),
    housePath: text('house_path').notNull(),
    communityId: integer('community_id').notNull(),
    contactUserId: integer('contact_user_id').notNull(),
    assignedBy: integer('assigned_by').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contact_assignments_contact_idx').on(t.contactUserId),
    index('contact_assignments_path_idx').using('btree', sql`${t.housePath} text_pattern_ops`),
  ],
);

/** One visit to a household in a round (a household may be visited more than once). */
export const contactVisits = pgTable(
  'contact_visits',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id').notNull(),
    houseNodeId: integer('house_node_id').notNull(),
    housePath: text('house_path').notNull(),
    visitorUserId: integer('visitor_user_id').notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    metName: text('met_name').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contact_visits_round_house_idx').on(t.roundId, t.houseNodeId),
    index('contact_visits_house_idx').on(t.houseNodeId, t.visitedOn),
  ],
);

/** An opinion or request collected on a visit; `case_id` when it was turned into a case. */
export const contactOpinions = pgTable(
  'contact_opinions',
  {
    id: serial('id').primaryKey(),
    visitId: integer('visit_id').notNull(),
    text: text('text').notNull(),
    caseId: integer('case_id'),
  },
  (t) => [index('contact_opinions_visit_idx').on(t.visitId)],
);

export type RoundRow = typeof contactRounds.$inferSelect;
