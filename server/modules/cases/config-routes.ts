import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createCategoryBody,
  createTemplateBody,
  overrideBody,
  overrideParams,
  replaceQuestionsBody,
  templateActionSchema,
  templatesQuery,
  updateCategoryBody,
  updateTemplateBody,
} from '../../../contracts/case-config.ts';
import { idParams } from '../../../contracts/org.ts';
import {
  categoryResponse,
  configTreeResponse,
  managedTemplatesResponse,
  offeredTemplatesResponse,
  overrideResponse,
  questionsResponse,
  templateResponse,
} from '../../../contracts/cases-responses.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { authorizeConfig } from './config-policy.ts';
import { deleteOverride, putOverride } from './config/overrides.ts';
import { configTree } from './config/queries.ts';
import { replaceQuestions } from './config/questions.ts';
import { createCategory, updateCategory } from './config/save-category.ts';
import {
  createTemplate,
  deleteTemplate,
  managedTemplates,
  offeredTemplates,
  updateTemplate,
} from './config/templates.ts';
import { questionsOf } from './questions.ts';
import { decimal, decimalNumber } from '../../../contracts/query.ts';

/** Configuration of the case loop: categories, their questions and local limits, canned replies. */
export function caseConfigRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['cases-config'];

    app.get(
      '/api/cases/config/categories',
      {
        config: { permission: 'cases.config.read' },
        schema: { tags, summary: '类别配置（含已停用、附加问题、本地时限）', response: { 200: configTreeResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeConfig(actor, 'read');
        return configTree(db, actor);
      },
    );
    app.post(
      '/api/cases/config/categories',
      {
        config: { permission: 'cases.config.write-tree' },
        schema: { tags, summary: '新增类别', body: createCategoryBody, response: { 201: categoryResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await createCategory(db, requireActor(request), request.body) });
      },
    );
    app.patch(
      '/api/cases/config/categories/:id',
      {
        config: { permission: 'cases.config.write-tree' },
        schema: {
          tags,
          summary: '修改或停用类别',
          params: idParams,
          body: updateCategoryBody,
          response: { 200: categoryResponse },
        },
      },
      async (request) => {
        return { data: await updateCategory(db, requireActor(request), request.params.id, request.body) };
      },
    );
    app.put(
      '/api/cases/config/categories/:id/questions',
      {
        config: { permission: 'cases.config.write-tree' },
        schema: {
          tags,
          summary: '设置类别的附加问题',
          params: idParams,
          body: replaceQuestionsBody,
          response: { 200: questionsResponse },
        },
      },
      async (request) => {
        await replaceQuestions(db, requireActor(request), request.params.id, request.body.questions);
        return { data: await questionsOf(db, request.params.id) };
      },
    );
    app.put(
      '/api/cases/config/categories/:id/overrides/:nodeId',
      {
        config: { permission: 'cases.config.write-override' },
        schema: {
          tags,
          summary: '设置街道/社区的本地时限',
          params: overrideParams,
          body: overrideBody,
          response: { 200: overrideResponse },
        },
      },
      async (request) => {
        return {
          data: await putOverride(db, requireActor(request), request.params.id, request.params.nodeId, request.body),
        };
      },
    );
    app.delete(
      '/api/cases/config/categories/:id/overrides/:nodeId',
      {
        config: { permission: 'cases.config.write-override' },
        schema: { tags, summary: '删除本地时限（恢复类别时限）', params: overrideParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await deleteOverride(db, requireActor(request), request.params.id, request.params.nodeId);
        return reply.status(204).send(null);
      },
    );

    // Public to every signed-in user: the report form asks them (not only administrators).
    app.get(
      '/api/cases/categories/:id/questions',
      {
        config: { permission: 'cases.report-form' },
        schema: {
          tags,
          summary: '类别的附加问题（上报时填写）',
          params: idParams,
          response: { 200: questionsResponse },
        },
      },
      async (request) => {
        requireActor(request);
        return { data: await questionsOf(db, request.params.id) };
      },
    );

    app.get(
      '/api/cases/templates',
      {
        schema: {
          tags,
          summary: '可用的常用回复（办理对话框）',
          querystring: z.object({
            action: templateActionSchema,
            categoryId: decimal(decimalNumber().int().positive()).optional(),
          }),
          response: { 200: offeredTemplatesResponse },
        },
        config: { permission: 'cases.templates.offered' },
      },
      async (request) => {
        return {
          data: await offeredTemplates(
            db,
            requireActor(request),
            request.query.action,
            request.query.categoryId ?? null,
          ),
        };
      },
    );
    app.get(
      '/api/cases/config/templates',
      {
        config: { permission: 'cases.config.read' },
        schema: {
          tags,
          summary: '常用回复维护列表',
          querystring: templatesQuery,
          response: { 200: managedTemplatesResponse },
        },
      },
      async (request) => {
        return managedTemplates(db, requireActor(request), request.query);
      },
    );
    app.post(
      '/api/cases/config/templates',
      {
        config: { permission: 'cases.config.write-template' },
        schema: { tags, summary: '新增常用回复', body: createTemplateBody, response: { 201: templateResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await createTemplate(db, requireActor(request), request.body) });
      },
    );
    app.patch(
      '/api/cases/config/templates/:id',
      {
        config: { permission: 'cases.config.write-template' },
        schema: {
          tags,
          summary: '修改常用回复',
          params: idParams,
          body: updateTemplateBody,
          response: { 200: templateResponse },
        },
      },
      async (request) => {
        return { data: await updateTemplate(db, requireActor(request), request.params.id, request.body) };
      },
    );
    app.delete(
      '/api/cases/config/templates/:id',
      {
        config: { permission: 'cases.config.write-template' },
        schema: { tags, summary: '删除常用回复', params: idParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await deleteTemplate(db, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
