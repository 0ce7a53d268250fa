import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** One neighbourhood board (云上四合院) per building, estate/lane or grid. */
export const boards = pgTable(
  'boards',
  {
    id: serial('id').primaryKey(),
    nodeId: integer('node_id').notNull(),
    /** Path of the node; residents see boards whose path is a prefix of their own scope path. */
    scopePath: text('scope_path').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('boards_node_uq').on(t.nodeId),
    index('boards_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`),
  ],
);

export const POST_KINDS = ['announcement', 'post', 'help', 'event'] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const boardPosts = pgTable(
  'board_posts',
  {
    id: serial('id').primaryKey(),
    boardId: integer('board_id').notNull(),
    kind: text('kind').$type<PostKind>().notNull(),
    authorUserId: integer('author_user_id').notNull(),
    authorName: text('author_name').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    eventAt: timestamp('event_at', { withTimezone: true }),
    eventPlace: text('event_place'),
    /** Mutual-help requests: open until the author marks them resolved. */
    helpResolvedAt: timestamp('help_resolved_at', { withTimezone: true }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    hiddenBy: integer('hidden_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('board_posts_board_idx').on(t.boardId, t.createdAt),
    check('board_posts_kind_ck', sql`${t.kind} in ('announcement','post','help','event')`),
  ],
);

export const boardReplies = pgTable(
  'board_replies',
  {
    id: serial('id').primaryKey(),
    postId: integer('post_id').notNull(),
    authorUserId: integer('author_user_id').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    hiddenBy: integer('hidden_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('board_replies_post_idx').on(t.postId, t.createdAt)],
);

/** Abuse reports; one per reporter and target, resolved when a moderator acts. */
export const boardReports = pgTable(
  'board_reports',
  {
    id: serial('id').primaryKey(),
    boardId: integer('board_id').notNull(),
    postId: integer('post_id').notNull(),
    replyId: integer('reply_id'),
    reporterUserId: integer('reporter_user_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('board_reports_uq').on(t.postId, sql`coalesce(${t.replyId}, 0)`, t.reporterUserId),
    index('board_reports_open_idx')
      .on(t.boardId)
      .where(sql`${t.resolvedAt} is null`),
  ],
);

export type BoardRow = typeof boards.$inferSelect;
export type BoardPostRow = typeof boardPosts.$inferSelect;
