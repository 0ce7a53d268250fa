import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, desc, eq, gt, like, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { changePasswordBody, sessionListSchema } from '../../../contracts/account-admin.ts';
import type { AppDeps } from '../../app-deps.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { judgePassword } from '../../platform/auth/password-strength.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { SESSION_COOKIE, sessionKeyOf } from './sessions.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTx } from '../../platform/db/tx.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { weakPassword } from './commands/create-account.ts';
import { sessions, users } from './schema.ts';

/** Sessions are named by this many hex characters of their token hash: enough to tell them apart, useless to sign in. */
const SESSION_ID_LENGTH = 12;

/** 个人设置: change one's own password, see and revoke one's own sessions. */
export function selfServiceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['accounts'];
    const currentKey = (cookies: Record<string, string | undefined>) => {
      const token = cookies[SESSION_COOKIE];
      return token ? sessionKeyOf(token) : '';
    };

    app.post(
      '/api/me/password',
      {
        config: { allowRestricted: true, permission: 'accounts.self' },
        schema: {
          response: { 204: z.null() },
          tags,
          summary: '修改本人密码（注销其他会话）',
          body: changePasswordBody,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
        if (!user || !(await verifyPassword(user.passwordHash, request.body.currentPassword)))
          throw invalid('currentPassword', '当前密码不正确');
        const { newPassword } = request.body;
        if (newPassword === request.body.currentPassword) throw weakPassword('newPassword', '新密码不能与当前密码相同');
        const verdict = judgePassword(newPassword, [user.username, user.displayName]);
        if (!verdict.ok) throw weakPassword('newPassword', verdict.reason!);
        const passwordHash = await hashPassword(newPassword);
        const keep = currentKey(request.cookies);
        await withTx(db, async (tx) => {
          await tx
            .update(users)
            .set({ passwordHash, mustChangePassword: false, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
            .where(eq(users.id, user.id));
          await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, keep)));
          await recordAudit(tx, actor, {
            action: 'accounts.change_own_password',
            targetType: 'user',
            targetId: user.id,
            scopePath: actor.scopePath,
            ip: request.ip,
          });
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/me/sessions',
      {
        config: { permission: 'accounts.self' },
        schema: { tags, summary: '本人的登录会话', response: { 200: sessionListSchema } },
      },
      async (request) => {
        const actor = requireActor(request);
        const current = currentKey(request.cookies);
        const rows = await db
          .select({ tokenHash: sessions.tokenHash, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
          .from(sessions)
          .where(and(eq(sessions.userId, actor.userId), gt(sessions.expiresAt, sql`now()`)))
          .orderBy(desc(sessions.createdAt))
          .limit(100);
        return {
          data: rows.map((r) => ({
            id: r.tokenHash.slice(0, SESSION_ID_LENGTH),
            createdAt: r.createdAt.toISOString(),
            expiresAt: r.expiresAt.toISOString(),
            current: r.tokenHash === current,
          })),
        };
      },
    );

    app.delete(
      '/api/me/sessions/:id',
      {
        config: { permission: 'accounts.self' },
        schema: {
          response: { 204: z.null() },
          tags,
          summary: '注销本人的某个会话',
          params: z.object({ id: z.string().regex(new RegExp(`^[0-9a-f]{${SESSION_ID_LENGTH}}$`)) }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const removed = await withTx(db, async (tx) => {
          const rows = await tx
            .delete(sessions)
            .where(and(eq(sessions.userId, actor.userId), like(sessions.tokenHash, `${request.params.id}%`)))
            .returning({ k: sessions.tokenHash });
          if (rows.length)
            await recordAudit(tx, actor, {
              action: 'accounts.revoke_own_session',
              targetType: 'user',
              targetId: actor.userId,
              summary: { session: request.params.id },
              ip: request.ip,
            });
          return rows.length;
        });
        if (!removed) throw new AppError('NOT_FOUND');
        return reply.status(204).send(null);
      },
    );
  };
}
