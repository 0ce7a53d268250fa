import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  accountListQuery,
  accountPageSchema,
  accountSchema,
  accountWithPasswordSchema,
  createAccountBody,
  grantableSchema,
  updateAccountBody,
} from '../../../contracts/account-admin.ts';
import { idParams } from '../../../contracts/org.ts';
import { ROLE_LABELS } from '../../../contracts/roles.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { underPath } from '../../platform/scope.ts';
import { departments, orgNodes } from '../org/schema.ts';
import { setAccountDisabled, resetAccountPassword } from './commands/account-state.ts';
import { createAccount } from './commands/create-account.ts';
import { updateAccount } from './commands/update-account.ts';
import { assertCanAdminister, grantableRoles, ROLE_LEVELS } from './policy.ts';
import { accountPage, accountView, loadAccountInScope, nodeById } from './queries.ts';

/** 账号管理: list, create, edit, disable/enable, reset password — all decided by policy.ts. */
export function accountAdminRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['accounts'];
    const one = { 200: z.object({ data: accountSchema }) };

    app.get(
      '/api/accounts',
      {
        config: { permission: 'accounts.administer' },
        schema: {
          tags,
          summary: '账号列表（管辖范围内，分页）',
          querystring: accountListQuery,
          response: { 200: accountPageSchema },
        },
      },
      async (request) => {
        const actor = assertCanAdminister(requireActor(request));
        const { scopeNodeId, ...filter } = request.query;
        const scopeNode = scopeNodeId ? await nodeById(db, scopeNodeId) : null;
        if (scopeNodeId && !scopeNode) throw new AppError('NOT_FOUND');
        return accountPage(db, actor, { ...filter, scopePath: scopeNode?.path });
      },
    );

    app.get(
      '/api/accounts/grantable',
      {
        config: { permission: 'accounts.administer' },
        schema: { tags, summary: '可授予的角色与管辖范围', response: { 200: grantableSchema } },
      },
      async (request) => {
        const actor = assertCanAdminister(requireActor(request));
        const [scope] = await db
          .select({ nodeId: orgNodes.id, level: orgNodes.level, name: orgNodes.name })
          .from(orgNodes)
          .where(eq(orgNodes.id, actor.scopeNodeId!));
        const roles = grantableRoles(actor);
        const depts = roles.includes('department_handler')
          ? await db
              .select({ id: departments.id, name: departments.name, servesNodeId: departments.servesNodeId })
              .from(departments)
              .innerJoin(orgNodes, eq(orgNodes.id, departments.servesNodeId))
              .where(underPath(orgNodes.path, actor.scopePath!))
              .orderBy(asc(departments.name))
          : [];
        return {
          data: {
            roles: roles.map((role) => ({
              role,
              label: ROLE_LABELS[role],
              levels: [...ROLE_LEVELS[role]],
              needsDepartment: role === 'department_handler',
            })),
            scope: scope ?? null,
            departments: depts,
          },
        };
      },
    );

    app.get(
      '/api/accounts/:id',
      {
        config: { permission: 'accounts.administer' },
        schema: { tags, summary: '账号详情', params: idParams, response: one },
      },
      async (request) => {
        const actor = assertCanAdminister(requireActor(request));
        return { data: accountView(actor, await loadAccountInScope(db, actor, request.params.id)) };
      },
    );

    app.post(
      '/api/accounts',
      {
        config: { permission: 'accounts.administer' },
        schema: {
          tags,
          summary: '新建账号（未给密码时生成一次性密码）',
          body: createAccountBody,
          response: { 200: accountWithPasswordSchema },
        },
      },
      async (request) => {
        const actor = assertCanAdminister(requireActor(request));
        const { row, temporaryPassword } = await createAccount(db, actor, request.body, request.ip);
        return { data: accountView(actor, row), temporaryPassword };
      },
    );

    app.patch(
      '/api/accounts/:id',
      {
        config: { permission: 'accounts.administer' },
        schema: {
          tags,
          summary: '修改账号（姓名、手机号、角色、管辖范围、部门）',
          params: idParams,
          body: updateAccountBody,
          response: one,
        },
      },
      async (request) => {
        const actor = assertCanAdminister(requireActor(request));
        return {
          data: accountView(actor, await updateAccount(db, actor, request.params.id, request.body, request.ip)),
        };
      },
    );

    for (const [verb, disabled, summary] of [
      ['disable', true, '停用账号（并注销其全部会话）'],
      ['enable', false, '启用账号'],
    ] as const) {
      app.post(
        `/api/accounts/:id/${verb}`,
        { config: { permission: 'accounts.administer' }, schema: { tags, summary, params: idParams, response: one } },
        async (request) => {
          const actor = assertCanAdminister(requireActor(request));
          return {
            data: accountView(actor, await setAccountDisabled(db, actor, request.params.id, disabled, request.ip)),
          };
        },
      );
    }

    app.post(
      '/api/accounts/:id/reset-password',
      {
        config: { permission: 'accounts.administer' },
        schema: {
          tags,
          summary: '重置密码（返回一次性临时密码，注销其全部会话）',
          params: idParams,
          response: { 200: accountWithPasswordSchema },
        },
      },
      async (request) => {
        const actor = assertCanAdminister(requireActor(request));
        const { row, temporaryPassword } = await resetAccountPassword(db, actor, request.params.id, request.ip);
        return { data: accountView(actor, row), temporaryPassword };
      },
    );
  };
}
