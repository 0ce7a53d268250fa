import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { meSchema } from '../../../../contracts/accounts.ts';
import { idParams } from '../../../../contracts/org.ts';
import { communityDirectoryResponse } from '../../../../contracts/org-responses.ts';
import {
  identityClaim,
  myVerificationResponse,
  publicChildrenQuery,
  publicChildrenResponse,
  publicCommunitiesQuery,
  rejectBody,
  signupBody,
  signupDetailResponse,
  signupListQuery,
  signupPageResponse,
  verifyBody,
} from '../../../../contracts/signup.ts';
import { ROLE_LABELS } from '../../../../contracts/roles.ts';
import type { AppDeps } from '../../../app-deps.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import { createSession, CSRF_COOKIE, SESSION_COOKIE } from '../sessions.ts';
import { communityDirectory } from '../../org/queries.ts';
import { orgNodes } from '../../org/schema.ts';
import { rejectSignup, verifySignup } from './commands/decide.ts';
import { resubmitClaim } from './commands/resubmit.ts';
import { signUp } from './commands/sign-up.ts';
import { authorizeSignupList } from './policy.ts';
import { publicChildren } from './public-queries.ts';
import { myVerification, signupDetail, signupPage } from './queries.ts';

/** Residents' self-registration (居民注册) and its real-name verification by community staff (实名核验). */
export function signupRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['accounts'];
    const cookieOptions = {
      path: '/',
      sameSite: 'lax' as const,
      secure: deps.config.secureCookies,
      maxAge: deps.config.sessionIdleMinutes * 60,
    };

    app.get(
      '/api/public/communities',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '社区名录（注册时查找所住社区，公开）',
          querystring: publicCommunitiesQuery,
          response: { 200: communityDirectoryResponse },
        },
      },
      async (request) => {
        return { data: await communityDirectory(db, request.query.q) };
      },
    );

    app.get(
      '/api/public/nodes/:id/children',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '注册选房：社区→小区→楼栋→房屋（仅名称与编码，公开）',
          params: idParams,
          querystring: publicChildrenQuery,
          response: { 200: publicChildrenResponse },
        },
      },
      async (request) => {
        return publicChildren(db, request.params.id, request.query.page, request.query.pageSize);
      },
    );

    app.post(
      '/api/auth/signup',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '居民注册（待社区实名核验）',
          body: signupBody,
          response: { 201: z.object({ data: meSchema }) },
        },
      },
      async (request, reply) => {
        const user = await signUp(db, request.body, request.ip);
        const { token, csrf } = await createSession(db, user.id, deps.config.sessionIdleMinutes);
        reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, httpOnly: true });
        reply.setCookie(CSRF_COOKIE, csrf, { ...cookieOptions, httpOnly: false });
        const [scope] = await db
          .select({
            nodeId: orgNodes.id,
            level: orgNodes.level,
            code: orgNodes.code,
            name: orgNodes.name,
            path: orgNodes.path,
          })
          .from(orgNodes)
          .where(eq(orgNodes.id, user.scopeNodeId!));
        return reply.status(201).send({
          data: {
            id: user.id,
            username: user.username,
            displayName: user.displayName,
            role: user.role,
            roleLabel: ROLE_LABELS[user.role],
            scope: scope ?? null,
            departmentId: null,
            restriction: 'pending_verification' as const,
            abilities: [],
          },
        });
      },
    );

    app.get(
      '/api/me/verification',
      {
        config: { allowRestricted: true, permission: 'accounts.self' },
        schema: { tags, summary: '本人实名核验状态（含退回原因）', response: { 200: myVerificationResponse } },
      },
      async (request) => {
        return { data: await myVerification(db, requireActor(request)) };
      },
    );

    app.put(
      '/api/me/verification',
      {
        config: { allowRestricted: true, permission: 'accounts.self' },
        schema: { response: { 204: z.null() }, tags, summary: '修改注册信息并重新提交核验', body: identityClaim },
      },
      async (request, reply) => {
        await resubmitClaim(db, requireActor(request), request.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/accounts/signups',
      {
        config: { permission: 'accounts.signups.read' },
        schema: {
          tags,
          summary: '居民注册核验列表（辖区内，手机号脱敏）',
          querystring: signupListQuery,
          response: { 200: signupPageResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeSignupList(actor);
        return signupPage(db, actor, request.query.state, request.query.page, request.query.pageSize);
      },
    );

    app.get(
      '/api/accounts/signups/:id',
      {
        config: { permission: 'accounts.signups.read' },
        schema: {
          tags,
          summary: '注册详情与实有人口候选匹配（脱敏）',
          params: idParams,
          response: { 200: signupDetailResponse },
        },
      },
      async (request) => {
        return signupDetail(db, deps.config.dataKey, requireActor(request), request.params.id);
      },
    );

    app.post(
      '/api/accounts/signups/:id/verify',
      {
        config: { permission: 'accounts.signups.verify' },
        schema: {
          response: { 204: z.null() },
          tags,
          summary: '实名核验通过（关联实有人口）',
          params: idParams,
          body: verifyBody,
        },
      },
      async (request, reply) => {
        await verifySignup(db, requireActor(request), request.params.id, request.body.personId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/accounts/signups/:id/reject',
      {
        config: { permission: 'accounts.signups.reject' },
        schema: {
          response: { 204: z.null() },
          tags,
          summary: '退回注册（附原因，居民可修改后重新提交）',
          params: idParams,
          body: rejectBody,
        },
      },
      async (request, reply) => {
        await rejectSignup(db, requireActor(request), request.params.id, request.body.note);
        return reply.status(204).send(null);
      },
    );
  };
}
