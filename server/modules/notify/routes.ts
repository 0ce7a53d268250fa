import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  areaSubscriptionBody,
  areaSubscriptionListResponse,
  areaSubscriptionResponse,
  deliveryListQuery,
  deliveryListResponse,
  deliveryResponse,
  preferencesBody,
  preferencesResponse,
  webhookBody,
  webhookCreatedResponse,
  webhookListResponse,
  webhookResponse,
} from '../../../contracts/notify.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { listAreaSubscriptions, subscribeArea, unsubscribeArea } from './commands/areas.ts';
import { listDeliveries, resendDelivery } from './commands/deliveries.ts';
import { loadPreferences, savePreferences } from './commands/preferences.ts';
import { createWebhook, deleteWebhook, listWebhooks, updateWebhook } from './commands/webhooks.ts';
import { canUseOwnSettings } from './policy.ts';

const noContent = { 204: z.null().describe('已删除') };

export function notifyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const settings = deps.config.notify;
  const cipher = createFieldCipher(deps.config.dataKey);
  const self = (request: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(request);
    if (!canUseOwnSettings(actor)) throw new AppError('FORBIDDEN');
    return actor;
  };
  return async (app) => {
    const tags = ['notify'];
    const own = { permission: 'notify.canUseOwnSettings' };
    const manage = { permission: 'notify.canManageNotify' };

    app.get(
      '/api/notify/preferences',
      { config: own, schema: { tags, summary: '我的通知方式', response: { 200: preferencesResponse } } },
      async (request) => ({ data: await loadPreferences(db, self(request), settings) }),
    );
    app.put(
      '/api/notify/preferences',
      {
        config: own,
        schema: {
          tags,
          summary: '设置通知方式与免打扰时段',
          body: preferencesBody,
          response: { 200: preferencesResponse },
        },
      },
      async (request) => ({ data: await savePreferences(db, self(request), settings, request.body) }),
    );
    app.get(
      '/api/notify/areas',
      {
        config: own,
        schema: { tags, summary: '我的区域订阅与可订阅的网格/社区', response: { 200: areaSubscriptionListResponse } },
      },
      async (request) => listAreaSubscriptions(db, self(request)),
    );
    app.post(
      '/api/notify/areas',
      {
        config: { permission: 'notify.canSubscribeArea' },
        schema: {
          tags,
          summary: '订阅网格/社区的新问题或已结案',
          body: areaSubscriptionBody,
          response: { 201: areaSubscriptionResponse },
        },
      },
      async (request, reply) => reply.status(201).send({ data: await subscribeArea(db, self(request), request.body) }),
    );
    app.delete(
      '/api/notify/areas/:id',
      { config: own, schema: { tags, summary: '取消区域订阅', params: idParams, response: noContent } },
      async (request, reply) => {
        await unsubscribeArea(db, self(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/notify/webhooks',
      { config: manage, schema: { tags, summary: 'Webhook 订阅方', response: { 200: webhookListResponse } } },
      async (request) => ({ data: await listWebhooks(db, requireActor(request)) }),
    );
    app.post(
      '/api/notify/webhooks',
      {
        config: manage,
        schema: {
          tags,
          summary: '登记 Webhook 订阅方（密钥仅此次显示）',
          body: webhookBody,
          response: { 201: webhookCreatedResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ data: await createWebhook(db, requireActor(request), cipher, request.body) }),
    );
    app.put(
      '/api/notify/webhooks/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: '修改 Webhook 订阅方',
          params: idParams,
          body: webhookBody,
          response: { 200: webhookResponse },
        },
      },
      async (request) => ({ data: await updateWebhook(db, requireActor(request), request.params.id, request.body) }),
    );
    app.delete(
      '/api/notify/webhooks/:id',
      { config: manage, schema: { tags, summary: '删除 Webhook 订阅方', params: idParams, response: noContent } },
      async (request, reply) => {
        await deleteWebhook(db, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/notify/deliveries',
      {
        config: manage,
        schema: {
          tags,
          summary: '发送记录与死信',
          querystring: deliveryListQuery,
          response: { 200: deliveryListResponse },
        },
      },
      async (request) => ({ data: await listDeliveries(db, requireActor(request), request.query) }),
    );
    app.post(
      '/api/notify/deliveries/:id/resend',
      {
        config: manage,
        schema: { tags, summary: '重新发送死信', params: idParams, response: { 200: deliveryResponse } },
      },
      async (request) => ({ data: await resendDelivery(db, requireActor(request), request.params.id) }),
    );
  };
}
