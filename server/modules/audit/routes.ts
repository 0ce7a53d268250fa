import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chainReportSchema } from '../../../contracts/audit.ts';
import type { AppDeps } from '../../app-deps.ts';
import { verifyAuditChain } from '../../platform/audit-chain/index.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { authorizeChainRead } from './policy.ts';

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit/chain',
      {
        config: { permission: 'audit.chain-read' },
        schema: {
          tags: ['audit'],
          summary: '审计链校验（先封存已提交的记录，再逐条重算哈希）',
          response: { 200: z.object({ data: chainReportSchema, abilities: z.array(z.string()) }) },
        },
      },
      async (request) => {
        authorizeChainRead(requireActor(request));
        return { data: await verifyAuditChain(deps.db), abilities: ['audit.read'] };
      },
    );
  };
}
