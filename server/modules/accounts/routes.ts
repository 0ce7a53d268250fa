import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { loginBody, meSchema, type Me } from '../../../contracts/accounts.ts';
import { ROLE_LABELS } from '../../../contracts/roles.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { createSession, CSRF_COOKIE, deleteSession, restrictionOf, SESSION_COOKIE } from './sessions.ts';
import type { AppDeps } from '../../app-deps.ts';
import { orgNodes } from '../org/schema.ts';
import { abilitiesOf } from './abilities.ts';
import { verifyLogin } from './login.ts';
import { DEVICE_COOKIE, deviceToken } from './login-throttle.ts';
import { needsTotpEnrolment } from './security-settings.ts';
import { accountAdminRoutes } from './admin-routes.ts';
import { selfServiceRoutes } from './self-service-routes.ts';
import { totpRoutes } from './totp-routes.ts';
import { securitySettingsRoutes } from './settings-routes.ts';
import { rosterRoutes } from './roster/routes.ts';

async function describeActor(deps: AppDeps, actor: Actor): Promise<Me> {
  const [scope] = actor.scopeNodeId
    ? await deps.db
        .select({
          nodeId: orgNodes.id,
          level: orgNodes.level,
          code: orgNodes.code,
          name: orgNodes.name,
          path: orgNodes.path,
        })
        .from(orgNodes)
        .where(eq(orgNodes.id, actor.scopeNodeId))
    : [];
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    scope: scope ?? null,
    departmentId: actor.departmentId,
    restriction: actor.restriction,
    abilities: actor.restriction ? [] : [...abilitiesOf(actor.role)],
  };
}

export function accountsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const cookieOptions = {
      path: '/',
      sameSite: 'lax' as const,
      secure: deps.config.secureCookies,
      maxAge: deps.config.sessionIdleMinutes * 60,
    };

    app.post(
      '/api/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['accounts'],
          summary: '登录',
          body: loginBody,
          response: { 200: z.object({ data: meSchema }) },
        },
      },
      async (request, reply) => {
        const user = await verifyLogin(deps.db, deps.config.dataKey, {
          ...request.body,
          ip: request.ip,
          deviceCookie: request.cookies[DEVICE_COOKIE],
        });
        // Marks this browser as the owner's: attacks on the account from elsewhere never lock it out.
        reply.setCookie(DEVICE_COOKIE, deviceToken(deps.config.dataKey, user.id), {
          path: '/api/auth',
          sameSite: 'strict',
          httpOnly: true,
          secure: deps.config.secureCookies,
          maxAge: 365 * 24 * 3600,
        });
        const { token, csrf } = await createSession(deps.db, user.id, deps.config.sessionIdleMinutes);
        reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, httpOnly: true });
        // Readable by the web app, which echoes it in x-csrf-token (double-submit).
        reply.setCookie(CSRF_COOKIE, csrf, { ...cookieOptions, httpOnly: false });
        const [scope] = user.scopeNodeId
          ? await deps.db.select({ path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, user.scopeNodeId))
          : [];
        const actor: Actor = {
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          scopeNodeId: user.scopeNodeId,
          scopePath: scope?.path ?? null,
          departmentId: user.departmentId,
          restriction: restrictionOf(user, await needsTotpEnrolment(deps.db, user)),
        };
        return { data: await describeActor(deps, actor) };
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { public: true }, schema: { response: { 204: z.null() }, tags: ['accounts'], summary: '退出登录' } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await deleteSession(deps.db, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/me',
      {
        config: { allowRestricted: true, permission: 'accounts.self' },
        schema: {
          tags: ['accounts'],
          summary: '当前用户、角色、管辖范围与权限',
          response: { 200: z.object({ data: meSchema }) },
        },
      },
      async (request) => {
        return { data: await describeActor(deps, requireActor(request)) };
      },
    );

    // Administration and self-service (账号管理、花名册导入、个人设置), each in its own plugin.
    for (const plugin of [accountAdminRoutes, rosterRoutes, selfServiceRoutes, totpRoutes, securitySettingsRoutes])
      await app.register(plugin(deps));
  };
}
