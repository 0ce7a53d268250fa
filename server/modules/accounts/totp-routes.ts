import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { totpCodeBody, totpDisableBody, totpSetupSchema, totpStatusSchema } from '../../../contracts/account-admin.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { ADMIN_ROLES, totpRequiredForAdmins } from './security-settings.ts';
import { assertMayDisableTotp } from './policy.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTx } from '../../platform/db/tx.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { users } from './schema.ts';
import { checkTotp, newTotpSecret } from './totp.ts';

/** Enrolment is open to unrestricted accounts and to those the installation makes enrol; a new password comes first. */
function enrollingActor(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (actor.restriction && actor.restriction !== 'totp_enrolment')
    throw new AppError('ACCOUNT_RESTRICTED', { details: [{ path: 'restriction', message: actor.restriction }] });
  return actor;
}

/** 动态口令 (TOTP) second factor: set up, confirm with a first code, disable with password + code. */
export function totpRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, config } = deps;
  return async (app) => {
    const tags = ['accounts'];
    const me = async (id: number) => (await db.select().from(users).where(eq(users.id, id)))[0]!;

    app.get(
      '/api/me/totp',
      {
        config: { allowRestricted: true, permission: 'accounts.self' },
        schema: { tags, summary: '动态口令状态', response: { 200: totpStatusSchema } },
      },
      async (request) => {
        const user = await me(requireActor(request).userId);
        return {
          data: {
            enabled: !!user.totpEnabledAt,
            required: ADMIN_ROLES.includes(user.role) && (await totpRequiredForAdmins(db)),
          },
        };
      },
    );

    app.post(
      '/api/me/totp/setup',
      {
        config: { allowRestricted: true, permission: 'accounts.self' },
        schema: {
          tags,
          summary: '开始绑定动态口令（生成密钥与二维码，确认后生效）',
          response: { 200: totpSetupSchema },
        },
      },
      async (request) => {
        const actor = enrollingActor(request);
        const user = await me(actor.userId);
        if (user.totpEnabledAt) throw new AppError('CONFLICT', { message: '已启用动态口令；如需更换，请先停用' });
        const { sealed, secret, otpauthUrl, qrDataUrl } = await newTotpSecret(config.dataKey, user.username);
        // Stored now (sealed) but not enabled until a first code confirms the app holds it.
        await db
          .update(users)
          .set({ totpSecret: sealed, updatedAt: sql`now()` })
          .where(eq(users.id, user.id));
        return { data: { secret, otpauthUrl, qrDataUrl } };
      },
    );

    app.post(
      '/api/me/totp/confirm',
      {
        config: { allowRestricted: true, permission: 'accounts.self' },
        schema: { response: { 204: z.null() }, tags, summary: '确认绑定动态口令', body: totpCodeBody },
      },
      async (request, reply) => {
        const actor = enrollingActor(request);
        const user = await me(actor.userId);
        if (user.totpEnabledAt) throw new AppError('CONFLICT', { message: '动态口令已启用' });
        if (!user.totpSecret) throw invalid('code', '请先生成动态口令二维码');
        if (!checkTotp(config.dataKey, user.totpSecret, user.username, request.body.code))
          throw invalid('code', '动态口令错误或已过期，请核对手机时间后重试');
        await withTx(db, async (tx) => {
          await tx
            .update(users)
            .set({ totpEnabledAt: sql`now()`, updatedAt: sql`now()` })
            .where(eq(users.id, user.id));
          await recordAudit(tx, actor, {
            action: 'accounts.totp_enable',
            targetType: 'user',
            targetId: user.id,
            scopePath: actor.scopePath,
            ip: request.ip,
          });
        });
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/me/totp',
      {
        config: { permission: 'accounts.self' },
        schema: {
          response: { 204: z.null() },
          tags,
          summary: '停用动态口令（需密码与动态口令）',
          body: totpDisableBody,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const user = await me(actor.userId);
        if (!user.totpEnabledAt || !user.totpSecret) throw new AppError('CONFLICT', { message: '尚未启用动态口令' });
        assertMayDisableTotp(user.role, await totpRequiredForAdmins(db));
        if (!(await verifyPassword(user.passwordHash, request.body.password))) throw invalid('password', '密码不正确');
        if (!checkTotp(config.dataKey, user.totpSecret, user.username, request.body.code))
          throw invalid('code', '动态口令错误或已过期');
        await withTx(db, async (tx) => {
          await tx
            .update(users)
            .set({ totpEnabledAt: null, totpSecret: null, updatedAt: sql`now()` })
            .where(eq(users.id, user.id));
          await recordAudit(tx, actor, {
            action: 'accounts.totp_disable',
            targetType: 'user',
            targetId: user.id,
            scopePath: actor.scopePath,
            ip: request.ip,
          });
        });
        return reply.status(204).send(null);
      },
    );
  };
}
