import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { idParams } from '../../../contracts/org.ts';
import {
  dispatchOptionsResponse,
  dispatchWishBody,
  publishWishBody,
  wishDetailResponse,
  wishListQuery,
  wishListResponse,
  wishResponse,
  wishTransitionBody,
} from '../../../contracts/wishes.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { dispatchOptions } from './assignees.ts';
import { dispatchWish } from './commands/dispatch-wish.ts';
import { publishWish } from './commands/publish-wish.ts';
import { transitionWish } from './commands/transition-wish.ts';
import { authorizeWish, wishScopeWhere } from './policy.ts';
import { listWishes, presentWish, wishHistory } from './queries.ts';
import { wishItems } from './schema.ts';

export function wishesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['wishes'];

    app.get(
      '/api/wishes',
      {
        // The list is read inside policy.wishScopeWhere / wishManageWhere: every signed-in user sees the public board.
        config: { permission: 'wishes.read' },
        schema: {
          tags,
          summary: '微心愿/微项目/服务岗位（公开认领板、我的、社区管理）',
          querystring: wishListQuery,
          response: { 200: wishListResponse },
        },
      },
      async (request) => {
        return listWishes(db, requireActor(request), request.query);
      },
    );

    app.post(
      '/api/wishes',
      {
        config: { permission: 'wishes.publish' },
        schema: {
          tags,
          summary: '发布微心愿（居民，或社区代困难群众发布）',
          body: publishWishBody,
          response: { 201: wishResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return reply.status(201).send({ data: presentWish(actor, await publishWish(db, actor, request.body)) });
      },
    );

    app.get(
      '/api/wishes/:id',
      {
        config: { permission: 'wishes.read' },
        schema: { tags, summary: '心愿详情与流转记录', params: idParams, response: { 200: wishDetailResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        const [wish] = await db
          .select()
          .from(wishItems)
          .where(and(eq(wishItems.id, request.params.id), wishScopeWhere(actor)));
        if (!wish) throw new AppError('NOT_FOUND');
        const view = presentWish(actor, wish);
        return { data: { ...view, history: await wishHistory(db, wish.id) }, abilities: view.abilities };
      },
    );

    app.post(
      '/api/wishes/:id/transitions',
      {
        config: { permission: 'wishes.transition' },
        schema: {
          tags,
          summary: '审核、认领、完成、确认、致谢等流转（带版本号）',
          response: { 200: wishResponse },
          params: idParams,
          body: wishTransitionBody,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return { data: presentWish(actor, await transitionWish(db, actor, request.params.id, request.body)) };
      },
    );

    app.get(
      '/api/wishes/:id/dispatch-options',
      {
        config: { permission: 'wishes.dispatch' },
        schema: {
          tags,
          summary: '可派单对象：本社区党员、志愿服务队、结对共建单位',
          params: idParams,
          response: { 200: dispatchOptionsResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const [wish] = await db
          .select()
          .from(wishItems)
          .where(and(eq(wishItems.id, request.params.id), wishScopeWhere(actor)));
        if (!wish) throw new AppError('NOT_FOUND');
        authorizeWish(actor, 'dispatch', wish);
        return { data: await dispatchOptions(db, wish) };
      },
    );

    app.post(
      '/api/wishes/:id/dispatch',
      {
        config: { permission: 'wishes.dispatch' },
        schema: {
          tags,
          summary: '社区派单：派给党员、志愿服务队或共建单位（通知接单人）',
          params: idParams,
          body: dispatchWishBody,
          response: { 200: wishResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return { data: presentWish(actor, await dispatchWish(db, actor, request.params.id, request.body)) };
      },
    );
  };
}
