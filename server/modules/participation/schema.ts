import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Question } from '../../../contracts/participation.ts';

/** 征求意见: a plan put before the community's residents, with its open window and the staff's answer. */
export const consultations = pgTable(
  'participation_consultations',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id').notNull(),
    /** The community's path: staff under it manage, residents living under it take part. */
    scopePath: text('scope_path').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    responseSummary: text('response_summary'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('participation_consultations_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`),
    check('participation_consultations_window_ck', sql`${t.closesAt} > ${t.opensAt}`),
  ],
);

/** Files of a consultation, kept in the shared file store under `storage_key`. */
export const consultationAttachments = pgTable(
  'participation_consultation_attachments',
  {
    id: serial('id').primaryKey(),
    consultationId: integer('consultation_id').notNull(),
    name: text('name').notNull(),
    storageKey: text('storage_key').notNull(),
    bytes: integer('bytes').notNull(),
    mime: text('mime').notNull(),
    uploadedBy: integer('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('participation_attachments_consultation_idx').on(t.consultationId)],
);

/** Residents' comments; staff hide (never delete) one with a reason, which is audited. */
export const consultationComments = pgTable(
  'participation_comments',
  {
    id: serial('id').primaryKey(),
    consultationId: integer('consultation_id').notNull(),
    authorUserId: integer('author_user_id').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    hiddenBy: integer('hidden_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('participation_comments_consultation_idx').on(t.consultationId, t.createdAt)],
);

export const surveys = pgTable(
  'participation_surveys',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id').notNull(),
    scopePath: text('scope_path').notNull(),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    /** The questions in order; answers refer to them by index, so they never change once published. */
    questions: jsonb('questions').$type<Question[]>().notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('participation_surveys_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`),
    check('participation_surveys_window_ck', sql`${t.closesAt} > ${t.opensAt}`),
  ],
);

/** One response per resident and survey: the unique index refuses a second, even a concurrent one. */
export const surveyResponses = pgTable(
  'participation_survey_responses',
  {
    id: serial('id').primaryKey(),
    surveyId: integer('survey_id').notNull(),
    userId: integer('user_id').notNull(),
    answers: jsonb('answers').$type<(number | number[] | string | null)[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('participation_survey_responses_uq').on(t.surveyId, t.userId)],
);

/** 微项目投票 (participatory budget): each verified resident backs up to K projects, one vote each. */
export const voteRounds = pgTable(
  'participation_vote_rounds',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id').notNull(),
    scopePath: text('scope_path').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    votesPerResident: integer('votes_per_resident').notNull(),
    budgetCapYuan: integer('budget_cap_yuan').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Set when staff close the round early; a round is also closed once closes_at has passed. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('participation_vote_rounds_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`),
    check('participation_vote_rounds_window_ck', sql`${t.closesAt} > ${t.opensAt}`),
    check('participation_vote_rounds_k_ck', sql`${t.votesPerResident} between 1 and 10`),
  ],
);

export const voteProjects = pgTable(
  'participation_vote_projects',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id').notNull(),
    title: text('title').notNull(),
    budgetYuan: integer('budget_yuan').notNull(),
    description: text('description').notNull(),
  },
  (t) => [index('participation_vote_projects_round_idx').on(t.roundId)],
);

/**
 * A resident's ballot in a round, cast once: the unique (round, user) index is what makes "one
 * ballot per resident" hold under concurrent requests; its choices are unique per project.
 */
export const voteBallots = pgTable(
  'participation_vote_ballots',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id').notNull(),
    userId: integer('user_id').notNull(),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('participation_vote_ballots_uq').on(t.roundId, t.userId)],
);

export const voteChoices = pgTable(
  'participation_vote_choices',
  {
    ballotId: integer('ballot_id').notNull(),
    roundId: integer('round_id').notNull(),
    projectId: integer('project_id').notNull(),
  },
  (t) => [
    uniqueIndex('participation_vote_choices_uq').on(t.ballotId, t.projectId),
    index('participation_vote_choices_project_idx').on(t.roundId, t.projectId),
  ],
);

/** The portal's community introduction (完美社区网 首页), written by the community's staff. */
export const portalIntros = pgTable('participation_portal_intros', {
  communityId: integer('community_id').primaryKey(),
  intro: text('intro').notNull(),
  updatedBy: integer('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ConsultationRow = typeof consultations.$inferSelect;
export type SurveyRow = typeof surveys.$inferSelect;
export type VoteRoundRow = typeof voteRounds.$inferSelect;
