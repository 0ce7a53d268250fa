import { apiGet, apiSend } from '../../shared/api';
import type { z } from 'zod';
import type { boardDetailResponse, createPostBody, postPageResponse } from '../../../contracts/boards.ts';
import type { Board, PostKind, Reply } from './types';

export const fetchBoards = (signal?: AbortSignal) =>
  apiGet<{ data: Board[] }>('/api/boards', { signal }).then((r) => r.data);
export const fetchBoard = (id: number, signal?: AbortSignal) =>
  apiGet<z.input<typeof boardDetailResponse>>(`/api/boards/${id}`, { signal });
export const fetchPosts = (id: number, kind: PostKind | undefined, page: number, signal?: AbortSignal) =>
  apiGet<z.input<typeof postPageResponse>>(
    `/api/boards/${id}/posts?page=${page}&pageSize=20${kind ? `&kind=${kind}` : ''}`,
    { signal },
  );
export const createPost = (id: number, body: z.input<typeof createPostBody>) =>
  apiSend('POST', `/api/boards/${id}/posts`, body);
export const fetchReplies = (id: number, postId: number, signal?: AbortSignal) =>
  apiGet<{ data: Reply[] }>(`/api/boards/${id}/posts/${postId}/replies`, { signal }).then((r) => r.data);
export const createReply = (id: number, postId: number, body: string) =>
  apiSend('POST', `/api/boards/${id}/posts/${postId}/replies`, { body });
export const hideContent = (id: number, postId: number, reason: string, replyId?: number) =>
  apiSend('POST', `/api/boards/${id}/posts/${postId}/hide`, { reason, replyId });
export const reportContent = (id: number, postId: number, reason: string, replyId?: number) =>
  apiSend('POST', `/api/boards/${id}/posts/${postId}/report`, { reason, replyId });
export const resolveHelp = (id: number, postId: number) => apiSend('POST', `/api/boards/${id}/posts/${postId}/resolve`);
export const createBoard = (body: { nodeId: number; name?: string }) =>
  apiSend<{ data: Board }>('POST', '/api/boards', body).then((r) => r.data);
