import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, desc, eq, isNull, like, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { idParams } from '../../../contracts/org.ts';
import { gridWorkerCandidatesResponse, gridWorkerTermsResponse } from '../../../contracts/org-responses.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { maskPhone } from '../../platform/masking.ts';
import { underPath } from '../../platform/scope.ts';
import { gridAssignments, users } from '../accounts/schema.ts';
import { assignGridWorker } from './commands/assign-grid-worker.ts';
import { loadNodeInScope } from './load-node.ts';
import { authorizeOrg } from './policy.ts';
import { orgNodes } from './schema.ts';

const assignBody = z.object({
  userId: z.number({ message: '请选择网格员' }).int().positive(),
  note: z.string().trim().max(200).optional(),
});

/** 一格一员: who staffs a grid, its history, and changing it. */
export function gridWorkerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['org'];

    app.get(
      '/api/org/grids/:id/workers',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: '网格员任职记录（谁、起止时间、任命人）',
          params: idParams,
          response: { 200: gridWorkerTermsResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const grid = await loadNodeInScope(db, actor, request.params.id, 'grid');
        authorizeOrg(actor, 'read', grid);
        const assigner = alias(users, 'assigner');
        const rows = await db
          .select({
            id: gridAssignments.id,
            userId: gridAssignments.userId,
            displayName: users.displayName,
            phone: users.phone,
            startedAt: gridAssignments.startedAt,
            endedAt: gridAssignments.endedAt,
            note: gridAssignments.note,
            assignedBy: assigner.displayName,
          })
          .from(gridAssignments)
          .innerJoin(users, eq(users.id, gridAssignments.userId))
          .leftJoin(assigner, eq(assigner.id, gridAssignments.assignedBy))
          .where(eq(gridAssignments.gridNodeId, grid.id))
          .orderBy(desc(gridAssignments.startedAt), desc(gridAssignments.id))
          .limit(200);
        return {
          data: rows.map(({ phone, ...r }) => ({
            ...r,
            phoneMasked: maskPhone(phone),
            startedAt: r.startedAt.toISOString(),
            endedAt: r.endedAt?.toISOString() ?? null,
          })),
        };
      },
    );

    app.get(
      '/api/org/grids/:id/worker-candidates',
      {
        schema: {
          tags,
          summary: '可任命的网格员（本社区或未分配）',
          params: idParams,
          querystring: z.object({ q: z.string().trim().max(20).optional() }),
          response: { 200: gridWorkerCandidatesResponse },
        },
        config: { permission: 'org.assign-worker' },
      },
      async (request) => {
        const actor = requireActor(request);
        const grid = await loadNodeInScope(db, actor, request.params.id, 'grid');
        authorizeOrg(actor, 'assign_worker', grid);
        const communityPath = `/${grid.path.split('/').filter(Boolean).slice(0, 3).join('/')}/`;
        const rows = await db
          .select({
            id: users.id,
            displayName: users.displayName,
            username: users.username,
            phone: users.phone,
            gridName: orgNodes.name,
          })
          .from(users)
          .leftJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
          .where(
            and(
              eq(users.role, 'grid_worker'),
              isNull(users.disabledAt),
              or(isNull(users.scopeNodeId), underPath(orgNodes.path, communityPath)),
              request.query.q ? like(users.displayName, `%${request.query.q.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
            ),
          )
          .orderBy(asc(users.displayName))
          .limit(50);
        return { data: rows.map(({ phone, ...r }) => ({ ...r, phoneMasked: maskPhone(phone) })) };
      },
    );

    app.post(
      '/api/org/grids/:id/worker',
      {
        config: { permission: 'org.assign-worker' },
        schema: {
          response: { 204: z.null() },
          tags,
          summary: '更换网格员（保留任职记录）',
          params: idParams,
          body: assignBody,
        },
      },
      async (request, reply) => {
        await assignGridWorker(db, requireActor(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
