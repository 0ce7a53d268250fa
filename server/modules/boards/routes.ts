import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  boardDetailResponse,
  boardListResponse,
  boardResponse,
  createBoardBody,
  hiddenResponse,
  postPageResponse,
  postResponse,
  replyListResponse,
  replyResponse,
  reportResponse,
  createPostBody,
  createReplyBody,
  hideBody,
  postListQuery,
  postParams,
  reportBody,
} from '../../../contracts/boards.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { createBoard } from './commands/create-board.ts';
import { createPost } from './commands/create-post.ts';
import { hideContent, reportContent, resolveHelp } from './commands/moderate.ts';
import { replyToPost } from './commands/reply.ts';
import { loadBoard, loadPost } from './load.ts';
import { authorizeBoard, boardAbilities, canBoard } from './policy.ts';
import { boardsFor, openReports, postsPage, repliesOf } from './queries.ts';

export function boardsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['boards'];

    app.get(
      '/api/boards',
      {
        config: { permission: 'boards.read' },
        schema: { tags, summary: '我能看到的四合院（居民：所住楼栋/小区/网格）', response: { 200: boardListResponse } },
      },
      async (request) => {
        return { data: await boardsFor(db, requireActor(request)) };
      },
    );
    app.post(
      '/api/boards',
      {
        config: { permission: 'boards.manage' },
        schema: { tags, summary: '开设四合院', body: createBoardBody, response: { 201: boardResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await createBoard(db, requireActor(request), request.body) });
      },
    );
    app.get(
      '/api/boards/:id',
      {
        config: { permission: 'boards.read' },
        schema: { tags, summary: '四合院详情与待处理举报', params: idParams, response: { 200: boardDetailResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        const board = await loadBoard(db, actor, request.params.id);
        authorizeBoard(actor, 'read', board);
        const moderator = canBoard(actor, 'moderate', board);
        return {
          data: { ...board, reports: moderator ? await openReports(db, board.id) : [] },
          abilities: boardAbilities(actor, board),
        };
      },
    );
    app.get(
      '/api/boards/:id/posts',
      {
        config: { permission: 'boards.read' },
        schema: {
          tags,
          summary: '帖子（公告置顶）',
          params: idParams,
          querystring: postListQuery,
          response: { 200: postPageResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const board = await loadBoard(db, actor, request.params.id);
        authorizeBoard(actor, 'read', board);
        return postsPage(db, actor, board.id, canBoard(actor, 'moderate', board), request.query);
      },
    );
    app.post(
      '/api/boards/:id/posts',
      {
        // Announcements need boards.announce, every other kind boards.post (policy.actionForKind).
        config: { permission: 'boards.post' },
        schema: {
          tags,
          summary: '发帖/公告/互助/活动',
          params: idParams,
          body: createPostBody,
          response: { 201: postResponse },
        },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send({ data: await createPost(db, requireActor(request), request.params.id, request.body) });
      },
    );
    app.get(
      '/api/boards/:id/posts/:postId/replies',
      {
        config: { permission: 'boards.read' },
        schema: { tags, summary: '回复', params: postParams, response: { 200: replyListResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        const { board, post } = await loadPost(db, actor, request.params.id, request.params.postId);
        authorizeBoard(actor, 'read', board);
        return { data: await repliesOf(db, actor, post.id, canBoard(actor, 'moderate', board)) };
      },
    );
    app.post(
      '/api/boards/:id/posts/:postId/replies',
      {
        config: { permission: 'boards.reply' },
        schema: {
          tags,
          summary: '回复帖子',
          params: postParams,
          body: createReplyBody,
          response: { 201: replyResponse },
        },
      },
      async (request, reply) => {
        return reply.status(201).send({
          data: await replyToPost(
            db,
            requireActor(request),
            request.params.id,
            request.params.postId,
            request.body.body,
          ),
        });
      },
    );
    app.post(
      '/api/boards/:id/posts/:postId/hide',
      {
        config: { permission: 'boards.moderate' },
        schema: {
          tags,
          summary: '隐藏帖子或回复（须说明理由）',
          response: { 200: hiddenResponse },
          params: postParams,
          body: hideBody.extend({ replyId: reportBody.shape.replyId }),
        },
      },
      async (request) => {
        return {
          data: await hideContent(db, requireActor(request), request.params.id, request.params.postId, request.body),
        };
      },
    );
    app.post(
      '/api/boards/:id/posts/:postId/report',
      {
        config: { permission: 'boards.read' },
        schema: {
          tags,
          summary: '举报不当内容',
          params: postParams,
          body: reportBody,
          response: { 201: reportResponse },
        },
      },
      async (request, reply) => {
        return reply.status(201).send({
          data: await reportContent(db, requireActor(request), request.params.id, request.params.postId, request.body),
        });
      },
    );
    app.post(
      '/api/boards/:id/posts/:postId/resolve',
      {
        config: { permission: 'boards.resolveHelp' },
        schema: { tags, summary: '互助需求已解决', params: postParams, response: { 200: postResponse } },
      },
      async (request) => {
        return { data: await resolveHelp(db, requireActor(request), request.params.id, request.params.postId) };
      },
    );
  };
}
