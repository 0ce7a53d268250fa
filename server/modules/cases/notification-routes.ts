import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { pageQuery } from '../../../contracts/org.ts';
import { notificationsResponse } from '../../../contracts/cases-responses.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { notifications } from './schema.ts';
import { textFlag } from '../../../contracts/query.ts';

/** The signed-in user's in-app notifications (the same ones pushed live over /api/events). */
export function notificationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/notifications',
      {
        schema: {
          tags: ['cases'],
          summary: '我的消息',
          querystring: pageQuery.extend({ unread: textFlag().optional() }),
          response: { 200: notificationsResponse },
        },
        config: { permission: 'cases.notifications.own' },
      },
      async (request) => {
        const actor = requireActor(request);
        const where = and(
          eq(notifications.userId, actor.userId),
          request.query.unread ? isNull(notifications.readAt) : undefined,
        );
        const rows = await deps.db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.id))
          .limit(request.query.pageSize)
          .offset((request.query.page - 1) * request.query.pageSize);
        const [counts] = await deps.db
          .select({
            total: sql<number>`count(*)`,
            unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`,
          })
          .from(notifications)
          .where(eq(notifications.userId, actor.userId));
        return {
          data: rows,
          page: { page: request.query.page, pageSize: request.query.pageSize, total: Number(counts?.total ?? 0) },
          unread: Number(counts?.unread ?? 0),
        };
      },
    );

    app.post(
      '/api/notifications/read',
      {
        schema: {
          tags: ['cases'],
          summary: '标记已读',
          body: z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }),
          response: { 204: z.null() },
        },
        config: { permission: 'cases.notifications.own' },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await deps.db
          .update(notifications)
          .set({ readAt: sql`now()` })
          .where(
            and(
              eq(notifications.userId, actor.userId),
              isNull(notifications.readAt),
              request.body.ids ? inArray(notifications.id, request.body.ids) : undefined,
            ),
          );
        return reply.status(204).send(null);
      },
    );
  };
}
