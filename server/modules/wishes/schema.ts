import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { WishAction, WishState } from './lifecycle.ts';

export const WISH_KINDS = ['wish', 'project', 'service_post'] as const;
export type WishKind = (typeof WISH_KINDS)[number];

/** One claimable item: a micro-wish, a micro-project or a service post, in one community. */
export const wishItems = pgTable(
  'wish_items',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<WishKind>().notNull(),
    communityId: integer('community_id').notNull(),
    communityPath: text('community_path').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    budget: numeric('budget', { precision: 10, scale: 2, mode: 'number' }),
    /** Category of the person helped (elderly, left-behind child, disabled…): public; their name is not. */
    beneficiaryCategory: text('beneficiary_category'),
    beneficiaryName: text('beneficiary_name'),
    requesterUserId: integer('requester_user_id').notNull(),
    /** Published by staff on behalf of a needy resident. */
    onBehalf: integer('on_behalf').notNull().default(0),
    state: text('state').$type<WishState>().notNull(),
    claimantUserId: integer('claimant_user_id'),
    claimantName: text('claimant_name'),
    claimDays: integer('claim_days').notNull(),
    /**
     * Set when the community dispatched (派单) the item instead of waiting for a claim: to a party
     * member, a volunteer team or a co-building unit. The claimant is then the account answering
     * for it (the member, the team's leader, the unit's contact); a release or a claim clears it.
     */
    assigneeKind: text('assignee_kind').$type<'member' | 'team' | 'co_unit'>(),
    assigneeId: integer('assignee_id'),
    dispatchedBy: integer('dispatched_by'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    claimDueAt: timestamp('claim_due_at', { withTimezone: true }),
    photo: text('photo'),
    fulfilNote: text('fulfil_note'),
    thanks: text('thanks'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('wish_items_path_idx').using('btree', sql`${t.communityPath} text_pattern_ops`, t.state),
    index('wish_items_state_idx').on(t.state, t.id),
    index('wish_items_due_idx')
      .on(t.claimDueAt)
      .where(sql`${t.state} = 'claimed'`),
    check('wish_items_kind_ck', sql`${t.kind} in ('wish','project','service_post')`),
    check('wish_items_assignee_ck', sql`${t.assigneeKind} is null or ${t.assigneeKind} in ('member','team','co_unit')`),
    // What a volunteer team or co-building unit was given (their to-do and history pages).
    index('wish_items_assignee_idx')
      .on(t.assigneeKind, t.assigneeId)
      .where(sql`${t.assigneeKind} is not null`),
  ],
);

/** Every transition, who took it and why: the wish's history. */
export const wishEvents = pgTable(
  'wish_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    wishId: integer('wish_id').notNull(),
    action: text('action').$type<WishAction | 'publish' | 'dispatch'>().notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorUserId: integer('actor_user_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('wish_events_wish_idx').on(t.wishId, t.id)],
);

export type WishRow = typeof wishItems.$inferSelect;
