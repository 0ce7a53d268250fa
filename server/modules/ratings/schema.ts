import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** 红色物业: property companies and the estates (org nodes of level 'estate') they manage. */
export const propertyCompanies = pgTable(
  'property_companies',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** The street whose two-colour list the company appears on. */
    streetId: integer('street_id').notNull(),
    streetPath: text('street_path').notNull(),
    contactName: text('contact_name'),
  },
  (t) => [uniqueIndex('property_companies_name_uq').on(t.streetId, t.name)],
);

export const propertyCompanyEstates = pgTable(
  'property_company_estates',
  {
    estateNodeId: integer('estate_node_id').primaryKey(),
    companyId: integer('company_id').notNull(),
    estatePath: text('estate_path').notNull(),
  },
  (t) => [index('property_company_estates_company_idx').on(t.companyId)],
);

/** A resident's monthly rating of the property company of their estate. */
export const propertyRatings = pgTable(
  'property_ratings',
  {
    id: serial('id').primaryKey(),
    companyId: integer('company_id').notNull(),
    userId: integer('user_id').notNull(),
    month: text('month').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('property_ratings_uq').on(t.companyId, t.userId, t.month),
    check('property_ratings_score_ck', sql`${t.score} between 1 and 5`),
  ],
);

/** A community's yearly vote on a department serving it (社区对派出机构考核评价权). */
export const departmentVotes = pgTable(
  'department_votes',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    departmentId: integer('department_id').notNull(),
    communityId: integer('community_id').notNull(),
    voterUserId: integer('voter_user_id').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('department_votes_uq').on(t.year, t.departmentId, t.communityId),
    check('department_votes_score_ck', sql`${t.score} between 1 and 5`),
  ],
);

/** Branch star-rating indicators per street: weights and targets, editable by the street. */
export const starRatingConfigs = pgTable('star_rating_configs', {
  streetId: integer('street_id').primaryKey(),
  indicators: jsonb('indicators').$type<{ key: string; weight: number; target: number }[]>().notNull(),
  updatedBy: integer('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const RATING_KINDS = ['branch_star', 'property_month', 'department_year'] as const;
export type RatingKind = (typeof RATING_KINDS)[number];

/** One computation: period, street, formula version and text, so any result can be recomputed. */
export const ratingRuns = pgTable(
  'rating_runs',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<RatingKind>().notNull(),
    period: text('period').notNull(),
    streetId: integer('street_id').notNull(),
    scopePath: text('scope_path').notNull(),
    formulaVersion: text('formula_version').notNull(),
    formula: text('formula').notNull(),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rating_runs_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`, t.kind, t.period)],
);

export const ratingResults = pgTable(
  'rating_results',
  {
    id: serial('id').primaryKey(),
    runId: integer('run_id').notNull(),
    subjectKind: text('subject_kind').$type<'branch' | 'property_company' | 'department'>().notNull(),
    subjectId: integer('subject_id').notNull(),
    subjectName: text('subject_name').notNull(),
    /** Path the subject belongs under (a branch's grid), for the secretary's adjustment scope. */
    subjectPath: text('subject_path').notNull(),
    /** Every input of the formula, exactly as used. */
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    score: doublePrecision('score').notNull(),
    /** Stars (1–5), list colour ('red' | 'yellow') or grade ('excellent' …), by kind. */
    outcome: text('outcome').notNull(),
    adjustedOutcome: text('adjusted_outcome'),
    adjustReason: text('adjust_reason'),
    adjustedBy: integer('adjusted_by'),
  },
  (t) => [uniqueIndex('rating_results_uq').on(t.runId, t.subjectKind, t.subjectId)],
);

export type RatingResultRow = typeof ratingResults.$inferSelect;
