import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todosSchema } from '../../../contracts/todos.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { todosOf } from './todos.ts';

/** The home page's to-do list (工作台待办): counts per item for the signed-in person. */
export function homeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me/todos',
      {
        // The own to-do list: a session is all it takes (accounts/policy.ts, accounts.self); todos.ts picks the items by role.
        config: { permission: 'accounts.self' },
        schema: {
          tags: ['home'],
          summary: '我的待办（按角色，含数量与入口）',
          response: { 200: z.object({ data: todosSchema }) },
        },
      },
      async (request) => {
        return { data: { items: await todosOf(deps.db, requireActor(request)) } };
      },
    );
  };
}
