import { z } from 'zod';
import { sentDateTime } from './datetime.ts';
import { pageInfo } from './org.ts';
import { decimal, decimalNumber } from './query.ts';

export const POST_KINDS = ['announcement', 'post', 'help', 'event'] as const;
export const POST_KIND_LABELS = { announcement: '公告', post: '议事', help: '互助', event: '活动' } as const;

export const createBoardBody = z.object({
  nodeId: z.number().int().positive(),
  name: z.string().trim().min(1).max(60).optional(),
});

export const postListQuery = z.object({
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(100)).default(20),
  kind: z.enum(POST_KINDS).optional(),
});

export const createPostBody = z
  .object({
    kind: z.enum(POST_KINDS),
    title: z.string().trim().min(1).max(80),
    body: z.string().trim().min(1).max(5000),
    eventAt: z.iso.datetime({ offset: true }).optional(),
    eventPlace: z.string().trim().min(1).max(100).optional(),
  })
  .refine((p) => p.kind !== 'event' || (p.eventAt && p.eventPlace), {
    message: '活动须填写时间和地点',
    path: ['eventAt'],
  });

export const createReplyBody = z.object({ body: z.string().trim().min(1).max(2000) });
export const hideBody = z.object({ reason: z.string().trim().min(2).max(200) });
export const reportBody = z.object({
  reason: z.string().trim().min(2).max(200),
  replyId: z.number().int().positive().optional(),
});
export const postParams = z.object({
  id: decimal(decimalNumber().int().positive()),
  postId: decimal(decimalNumber().int().positive()),
});

// Responses: the rows as server/modules/boards/{queries,commands} return them (the serializer drops any other field).
const hideable = {
  hiddenAt: sentDateTime().nullable(),
  hiddenReason: z.string().nullable(),
  hiddenBy: z.number().int().nullable(),
};
export const boardSchema = z.object({
  id: z.number().int(),
  nodeId: z.number().int(),
  scopePath: z.string(),
  name: z.string(),
  createdAt: sentDateTime(),
});
export const boardReportSchema = z.object({
  id: z.number().int(),
  boardId: z.number().int(),
  postId: z.number().int(),
  replyId: z.number().int().nullable(),
  reporterUserId: z.number().int(),
  reason: z.string(),
  createdAt: sentDateTime(),
  resolvedAt: sentDateTime().nullable(),
});
export const boardPostSchema = z.object({
  id: z.number().int(),
  boardId: z.number().int(),
  kind: z.enum(POST_KINDS),
  authorUserId: z.number().int(),
  authorName: z.string(),
  title: z.string(),
  body: z.string(),
  eventAt: sentDateTime().nullable(),
  eventPlace: z.string().nullable(),
  helpResolvedAt: sentDateTime().nullable(),
  ...hideable,
  createdAt: sentDateTime(),
});
export const boardReplySchema = z.object({
  id: z.number().int(),
  postId: z.number().int(),
  authorUserId: z.number().int(),
  authorName: z.string(),
  body: z.string(),
  ...hideable,
  createdAt: sentDateTime(),
});

export const boardListResponse = z.object({ data: z.array(boardSchema) });
export const boardResponse = z.object({ data: boardSchema });
export const boardDetailResponse = z.object({
  data: boardSchema.extend({ reports: z.array(boardReportSchema) }),
  abilities: z.array(z.string()),
});
export const postPageResponse = z.object({
  data: z.array(boardPostSchema.extend({ replies: z.number().int() })),
  page: pageInfo,
});
export const postResponse = z.object({ data: boardPostSchema });
export const replyListResponse = z.object({ data: z.array(boardReplySchema) });
export const replyResponse = z.object({ data: boardReplySchema });
export const reportResponse = z.object({ data: boardReportSchema });
export const hiddenResponse = z.object({ data: z.object({ hidden: z.boolean() }) });
