import { z } from 'zod';

export const POST_KINDS = ['announcement', 'post', 'help', 'event'] as const;
export const POST_KIND_LABELS = { announcement: '公告', post: '议事', help: '互助', event: '活动' } as const;

export const createBoardBody = z.object({
  nodeId: z.number().int().positive(),
  name: z.string().trim().min(1).max(60).optional(),
});

export const postListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
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
  id: z.coerce.number().int().positive(),
  postId: z.coerce.number().int().positive(),
});
