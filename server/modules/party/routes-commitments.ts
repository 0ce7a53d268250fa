import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/org.ts';
import {
  branchCommitmentsQuery,
  branchCommitmentsResponse,
  commitmentBranchesQuery,
  commitmentBranchesResponse,
} from '../../../contracts/party-commitments.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { loadBranchFor } from './branches.ts';
import { branchCommitments, commitmentBranches } from './commitment-check.ts';
import { loadViewer } from './membership.ts';
import { authorizeBranch, canBranch, commitmentBranchScope } from './policy.ts';

/** 承诺践诺: the branches' check of their members' commitments, with figures per branch. */
export function partyCommitmentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['party'];

    app.get(
      '/api/party/commitments/branches',
      {
        config: { permission: 'party.commitments.review' },
        schema: {
          tags,
          summary: '承诺践诺：各支部的承诺与践诺统计',
          querystring: commitmentBranchesQuery,
          response: { 200: commitmentBranchesResponse },
        },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const q = request.query;
        return commitmentBranches(db, commitmentBranchScope(v), q.year, q.page, q.pageSize);
      },
    );

    app.get(
      '/api/party/branches/:id/commitments',
      {
        config: { permission: 'party.commitments.review' },
        schema: {
          tags,
          summary: '支部党员的年度承诺（评定践诺）',
          params: idParams,
          querystring: branchCommitmentsQuery,
          response: { 200: branchCommitmentsResponse },
        },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const branch = await loadBranchFor(db, v, request.params.id);
        authorizeBranch(v, 'read', branch);
        const q = request.query;
        const result = await branchCommitments(db, branch.id, q.year, q.state, q.page, q.pageSize);
        return {
          ...result,
          branch: { id: branch.id, name: branch.name },
          abilities: canBranch(v, 'manage', branch) ? ['mark' as const] : [],
        };
      },
    );
  };
}
