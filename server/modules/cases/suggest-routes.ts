import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { suggestionAcceptanceSchema } from '../../../contracts/case-suggestion.ts';
import { duplicatesResponse, suggestionResponse } from '../../../contracts/cases-responses.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { loadNodeInScope } from '../org/load-node.ts';
import { caseFacts, loadCaseInScope } from './load-case.ts';
import { assertCanReadAreaFigures, assertCanSeeSuggestion } from './policy.ts';
import { findDuplicates } from './suggest/duplicates.ts';
import { suggestionModelsFor } from './suggest/model.ts';
import { acceptanceRate } from './suggest/outcomes.ts';
import { suggestForCase } from './suggest/suggest.ts';
import { decimal, decimalNumber } from '../../../contracts/query.ts';

export function suggestRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const models = suggestionModelsFor(deps.db);
  return async (app) => {
    app.get(
      '/api/cases/:id/suggestion',
      {
        config: { permission: 'cases.suggestion' },
        schema: {
          tags: ['cases'],
          summary: '分类与承办建议（按本系统已办案件学习）及疑似重复',
          params: idParams,
          response: { 200: suggestionResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const row = await loadCaseInScope(deps.db, actor, request.params.id);
        const facts = await caseFacts(deps.db, row);
        assertCanSeeSuggestion(actor, facts);
        return { data: await suggestForCase(deps.db, models, row) };
      },
    );

    app.get(
      '/api/cases/suggestion-acceptance',
      {
        config: { permission: 'cases.area-figures' },
        schema: {
          tags: ['cases'],
          summary: '分类建议采纳率（近 30 天立案中采用系统首选类别的比例）',
          querystring: z.object({ nodeId: decimal(decimalNumber().int().positive()).optional() }),
          response: { 200: z.object({ data: suggestionAcceptanceSchema }) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCanReadAreaFigures(actor);
        const node = await loadNodeInScope(deps.db, actor, request.query.nodeId ?? actor.scopeNodeId);
        return { data: { nodeId: node.id, ...(await acceptanceRate(deps.db, node.path)) } };
      },
    );

    app.get(
      '/api/cases/duplicates',
      {
        schema: {
          tags: ['cases'],
          summary: '上报前查找附近的类似问题',
          querystring: z.object({
            lng: decimal(decimalNumber().min(-180).max(180)),
            lat: decimal(decimalNumber().min(-90).max(90)),
            text: z.string().trim().min(2).max(4000),
            categoryId: decimal(decimalNumber().int().positive()).optional(),
          }),
          response: { 200: duplicatesResponse },
        },
        config: { permission: 'cases.report-form' },
      },
      async (request) => {
        requireActor(request);
        return { data: await findDuplicates(deps.db, request.query) };
      },
    );
  };
}
