import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  branchAlertsResponse,
  branchMembersResponse,
  branchPostClaimsResponse,
  communityPostsResponse,
  defaultPostsResponse,
  honorListViewResponse,
  partyHouseholdsResponse,
  postRowResponse,
  publishedHonorListResponse,
  registrationsResponse,
} from '../../../contracts/party-views.ts';
import { and, eq } from 'drizzle-orm';
import { alertsQuery, monthQuery, postBody, stateQuery } from '../../../contracts/party.ts';
import { idParams, pageQuery } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../platform/audit.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { withTx } from '../../platform/db/tx.ts';
import { loadNodeInScope } from '../org/load-node.ts';
import { loadBranchFor } from './branches.ts';
import { publishHonorList } from './commands/publish-honor-list.ts';
import { createPost, updatePost } from './commands/save-post.ts';
import { ensureDefaultPosts } from './default-posts.ts';
import { computeHonorList } from './honor-list.ts';
import { loadViewer } from './membership.ts';
import { authorizeBranch, authorizeCommunity, canBranch, canCommunity } from './policy.ts';
import {
  branchAlerts,
  branchMembers,
  branchPostClaims,
  communityPosts,
  communityRegistrations,
  partyHouseholds,
} from './queries.ts';
import { partyHonorLists } from './schema.ts';

async function publishedList(db: AppDeps['db'], kind: 'branch' | 'community', id: number, month: string) {
  const [row] = await db
    .select()
    .from(partyHonorLists)
    .where(and(eq(partyHonorLists.scopeKind, kind), eq(partyHonorLists.scopeId, id), eq(partyHonorLists.month, month)));
  return row ? { snapshot: row.snapshot, publishedAt: row.publishedAt, confirmedBy: row.confirmedBy } : null;
}

/** Branch and community routes: the secretary's and the community's desks. */
export function partyOrgRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['party'];

    app.get(
      '/api/party/branches/:id/members',
      {
        config: { permission: 'party.branch.read' },
        schema: {
          response: { 200: branchMembersResponse },
          tags,
          summary: '支部党员名册',
          params: idParams,
          querystring: pageQuery,
        },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const branch = await loadBranchFor(db, v, request.params.id);
        authorizeBranch(v, 'read', branch);
        return {
          ...(await branchMembers(db, branch.id, request.query.page, request.query.pageSize)),
          abilities: canBranch(v, 'manage', branch) ? ['manage'] : [],
        };
      },
    );

    app.get(
      '/api/party/branches/:id/post-claims',
      {
        config: { permission: 'party.branch.manage' },
        schema: { response: { 200: branchPostClaimsResponse }, tags, summary: '待审批的认岗申请', params: idParams },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const branch = await loadBranchFor(db, v, request.params.id);
        authorizeBranch(v, 'manage', branch);
        return { data: await branchPostClaims(db, branch.id) };
      },
    );

    app.get(
      '/api/party/branches/:id/alerts',
      {
        config: { permission: 'party.branch.read' },
        schema: {
          response: { 200: branchAlertsResponse },
          tags,
          summary: '积分预警（待提醒党员）',
          params: idParams,
          querystring: alertsQuery,
        },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const branch = await loadBranchFor(db, v, request.params.id);
        authorizeBranch(v, 'read', branch);
        return { data: await branchAlerts(db, branch.id, request.query.reminded === 'open') };
      },
    );

    app.get(
      '/api/party/branches/:id/honor-list',
      {
        config: { permission: 'party.branch.read' },
        schema: {
          response: { 200: honorListViewResponse },
          tags,
          summary: '支部月度红黄榜（计算结果与已发布版本）',
          params: idParams,
          querystring: monthQuery,
        },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const branch = await loadBranchFor(db, v, request.params.id);
        authorizeBranch(v, 'read', branch);
        const [computed, published] = await Promise.all([
          computeHonorList(db, 'branch', branch.id, request.query.month),
          publishedList(db, 'branch', branch.id, request.query.month),
        ]);
        return { data: { computed, published }, abilities: canBranch(v, 'manage', branch) ? ['publish'] : [] };
      },
    );

    app.post(
      '/api/party/branches/:id/honor-list',
      {
        config: { permission: 'party.branch.manage' },
        schema: {
          response: { 201: publishedHonorListResponse },
          tags,
          summary: '书记确认并发布支部红黄榜',
          params: idParams,
          body: monthQuery,
        },
      },
      async (request, reply) => {
        const v = await loadViewer(db, requireActor(request));
        const branch = await loadBranchFor(db, v, request.params.id);
        authorizeBranch(v, 'manage', branch);
        return reply.status(201).send({
          data: await publishHonorList(
            db,
            v.actor,
            { kind: 'branch', id: branch.id, path: branch.scopePath },
            request.body.month,
          ),
        });
      },
    );

    app.get(
      '/api/party/communities/:id/honor-list',
      {
        config: { permission: 'party.community.read' },
        schema: {
          response: { 200: honorListViewResponse },
          tags,
          summary: '社区月度红黄榜',
          params: idParams,
          querystring: monthQuery,
        },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const community = await loadNodeInScope(db, v.actor, request.params.id, 'community');
        authorizeCommunity(v, 'read', community);
        const [computed, published] = await Promise.all([
          computeHonorList(db, 'community', community.id, request.query.month),
          publishedList(db, 'community', community.id, request.query.month),
        ]);
        return { data: { computed, published }, abilities: canCommunity(v, 'manage', community) ? ['publish'] : [] };
      },
    );

    app.post(
      '/api/party/communities/:id/honor-list',
      {
        config: { permission: 'party.community.manage' },
        schema: {
          response: { 201: publishedHonorListResponse },
          tags,
          summary: '社区书记确认并发布社区红黄榜',
          params: idParams,
          body: monthQuery,
        },
      },
      async (request, reply) => {
        const v = await loadViewer(db, requireActor(request));
        const community = await loadNodeInScope(db, v.actor, request.params.id, 'community');
        authorizeCommunity(v, 'manage', community);
        return reply.status(201).send({
          data: await publishHonorList(
            db,
            v.actor,
            { kind: 'community', id: community.id, path: community.path },
            request.body.month,
          ),
        });
      },
    );

    app.get(
      '/api/party/communities/:id/posts',
      {
        config: { permission: 'party.community.read' },
        schema: { response: { 200: communityPostsResponse }, tags, summary: '社区岗位与服务项目', params: idParams },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const community = await loadNodeInScope(db, v.actor, request.params.id, 'community');
        authorizeCommunity(v, 'read', community);
        return { data: await communityPosts(db, community.id) };
      },
    );

    app.post(
      '/api/party/communities/:id/posts/defaults',
      {
        config: { permission: 'party.community.manage' },
        schema: { response: { 200: defaultPostsResponse }, tags, summary: '为社区设置六大默认岗位', params: idParams },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const community = await loadNodeInScope(db, v.actor, request.params.id, 'community');
        authorizeCommunity(v, 'manage', community);
        const created = await withTx(db, async (tx) => {
          const n = await ensureDefaultPosts(tx, community);
          if (n)
            await recordAudit(tx, v.actor, {
              action: 'party.posts.defaults',
              targetType: 'org_node',
              targetId: community.id,
              scopePath: community.path,
              summary: { created: n },
            });
          return n;
        });
        return { data: { created } };
      },
    );

    app.post(
      '/api/party/communities/:id/posts',
      {
        config: { permission: 'party.community.manage' },
        schema: {
          response: { 201: postRowResponse },
          tags,
          summary: '新设岗位（含服务项目与积分）',
          params: idParams,
          body: postBody,
        },
      },
      async (request, reply) => {
        const v = await loadViewer(db, requireActor(request));
        return reply.status(201).send({ data: await createPost(db, v, request.params.id, request.body) });
      },
    );

    app.put(
      '/api/party/posts/:id',
      {
        config: { permission: 'party.community.manage' },
        schema: {
          response: { 200: postRowResponse },
          tags,
          summary: '修改岗位、目标积分与服务项目',
          params: idParams,
          body: postBody,
        },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        return { data: await updatePost(db, v, request.params.id, request.body) };
      },
    );

    app.get(
      '/api/party/communities/:id/registrations',
      {
        config: { permission: 'party.community.manage' },
        schema: {
          response: { 200: registrationsResponse },
          tags,
          summary: '双报到申请',
          params: idParams,
          querystring: stateQuery,
        },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const community = await loadNodeInScope(db, v.actor, request.params.id, 'community');
        authorizeCommunity(v, 'manage', community);
        return { data: await communityRegistrations(db, community.path, request.query.state) };
      },
    );

    app.get(
      '/api/party/nodes/:id/households',
      {
        config: { permission: 'party.community.read' },
        schema: {
          response: { 200: partyHouseholdsResponse },
          tags,
          summary: '节点下的党员户（地图标注）',
          params: idParams,
        },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const node = await loadNodeInScope(db, v.actor, request.params.id);
        authorizeCommunity(v, 'read', node);
        return { data: await partyHouseholds(db, node.path) };
      },
    );
  };
}
