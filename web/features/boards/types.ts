// Response shapes come from the shared zod contracts (type-only: no zod reaches the bundle); `z.input` is what
// the web receives (times as ISO strings).
import type { z } from 'zod';
import type {
  POST_KINDS,
  boardReplySchema,
  boardReportSchema,
  boardSchema,
  postPageResponse,
} from '../../../contracts/boards.ts';

export type PostKind = (typeof POST_KINDS)[number];
export const POST_KIND_LABELS: Record<PostKind, string> = {
  announcement: '公告',
  post: '议事',
  help: '互助',
  event: '活动',
};
export const POST_KIND_COLOURS: Record<PostKind, string> = {
  announcement: 'red',
  post: 'blue',
  help: 'orange',
  event: 'green',
};

export type Board = z.input<typeof boardSchema>;
export type Report = z.input<typeof boardReportSchema>;
export type Post = z.input<typeof postPageResponse>['data'][number];
export type Reply = z.input<typeof boardReplySchema>;
