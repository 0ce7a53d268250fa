// Response shapes mirror server/modules/boards/{schema,queries,routes}.ts.
export type PostKind = 'announcement' | 'post' | 'help' | 'event';
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

export interface Board {
  id: number;
  nodeId: number;
  scopePath: string;
  name: string;
}
export interface Report {
  id: number;
  postId: number;
  replyId: number | null;
  reason: string;
  createdAt: string;
}
interface Hideable {
  hiddenAt: string | null;
  hiddenReason: string | null;
}
export interface Post extends Hideable {
  id: number;
  boardId: number;
  kind: PostKind;
  authorUserId: number;
  authorName: string;
  title: string;
  body: string;
  eventAt: string | null;
  eventPlace: string | null;
  helpResolvedAt: string | null;
  createdAt: string;
  replies: number;
}
export interface Reply extends Hideable {
  id: number;
  postId: number;
  authorUserId: number;
  authorName: string;
  body: string;
  createdAt: string;
}
