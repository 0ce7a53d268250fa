import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { securitySettingsResponse, securitySettingsSchema } from '../../../contracts/account-admin.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { setTotpRequiredForAdmins, totpRequiredForAdmins, TOTP_REQUIRED_KEY } from './security-settings.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTx } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCanManageSecurity } from './policy.ts';
import { users } from './schema.ts';

/** Installation-wide security switches (district administrators only). */
export function securitySettingsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['accounts'];
    app.get(
      '/api/settings/security',
      {
        config: { permission: 'accounts.security' },
        schema: { tags, summary: '安全设置', response: { 200: securitySettingsResponse } },
      },
      async (request) => {
        assertCanManageSecurity(requireActor(request));
        return { data: { totpRequiredForAdmins: await totpRequiredForAdmins(db) } };
      },
    );
    app.put(
      '/api/settings/security',
      {
        config: { permission: 'accounts.security' },
        schema: {
          tags,
          summary: '修改安全设置（管理员必须使用动态口令）',
          body: securitySettingsSchema,
          response: { 200: securitySettingsResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCanManageSecurity(actor);
        const value = request.body.totpRequiredForAdmins;
        // Turning it on without a second factor of one's own would lock the switch's owner into enrolment.
        const [me] = await db
          .select({ totpEnabledAt: users.totpEnabledAt })
          .from(users)
          .where(eq(users.id, actor.userId));
        if (value && !me?.totpEnabledAt)
          throw new AppError('CONFLICT', { message: '请先为本人绑定动态口令，再开启“管理员必须使用动态口令”' });
        await withTx(db, async (tx) => {
          await setTotpRequiredForAdmins(tx, value);
          await recordAudit(tx, actor, {
            action: 'settings.update',
            targetType: 'setting',
            targetId: TOTP_REQUIRED_KEY,
            summary: { value },
            ip: request.ip,
          });
        });
        return { data: { totpRequiredForAdmins: await totpRequiredForAdmins(db) } };
      },
    );
  };
}
