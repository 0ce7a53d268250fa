import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import {
  identifyBody,
  identifyResponse,
  kioskBookingBody,
  kioskCatalogueQuery,
  kioskCatalogueResponse,
  kioskReceiptResponse,
  kioskReportBody,
  kioskSlotsQuery,
  kioskSlotsResponse,
  kioskStartResponse,
} from '../../../contracts/kiosk.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { invalid } from '../../platform/errors.ts';
import { orgNodes } from '../org/schema.ts';
import { residentByIdentity, residentLivingUnder } from '../people/index.ts';
import { authorizeKiosk } from './policy.ts';
import { TOKEN_SECONDS, issueToken, readToken } from './token.ts';
import { bookAtKiosk, communityOf, maskName, reportAtKiosk } from './service.ts';
import { catalogue, slotsOf, stationsOf } from '../services/index.ts';
import { loadStationForKiosk } from './service.ts';

export function kioskRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, config } = deps;
  return async (app) => {
    const tags = ['kiosk'];
    const terminal = (request: Parameters<typeof requireActor>[0]) => {
      const actor = requireActor(request);
      authorizeKiosk(actor, 'use');
      return actor;
    };

    /** The resident a token names, still living under the terminal's area; 422 on the token otherwise. */
    async function identified(actor: Actor, token: string) {
      const claim = readToken(config.dataKey, token, actor.userId);
      const person = claim ? await residentLivingUnder(db, claim.personId, actor.scopePath!) : null;
      if (!person) throw invalid('token', '身份核验已过期，请重新核验');
      return person;
    }

    app.get(
      '/api/kiosk/start',
      {
        config: { permission: 'kiosk.use' },
        schema: { tags, summary: '自助终端：开始界面信息', response: { 200: kioskStartResponse } },
      },
      async (request) => {
        const actor = terminal(request);
        const [node] = await db
          .select({ name: orgNodes.name })
          .from(orgNodes)
          .where(eq(orgNodes.id, actor.scopeNodeId!));
        return {
          data: {
            terminal: `${node?.name ?? ''}易办事自助终端`,
            idleSeconds: config.kioskIdleSeconds,
            community: await communityOf(db, actor.scopePath!),
          },
        };
      },
    );

    app.post(
      '/api/kiosk/identify',
      {
        config: { permission: 'kiosk.use' },
        schema: {
          tags,
          summary: '身份核验（身份证号 + 手机号）',
          body: identifyBody,
          response: { 200: identifyResponse },
        },
      },
      async (request) => {
        const actor = terminal(request);
        const person = await residentByIdentity(db, config.dataKey, {
          ...request.body,
          communityPath: actor.scopePath!,
        });
        // One answer for every failure, so the screen tells no one whether a number is registered here.
        if (!person) throw invalid('idNumber', '身份证号与手机号不匹配，或不是本辖区登记的居民');
        const expiresAt = Date.now() + TOKEN_SECONDS * 1000;
        return {
          data: {
            token: issueToken(config.dataKey, { personId: person.id, terminalUserId: actor.userId, expiresAt }),
            nameMasked: maskName(person.name),
            expiresAt: new Date(expiresAt).toISOString(),
          },
        };
      },
    );

    app.get(
      '/api/kiosk/catalogue',
      {
        config: { permission: 'kiosk.use' },
        schema: {
          tags,
          summary: '服务事项与政策查询（办事指南）',
          querystring: kioskCatalogueQuery,
          response: { 200: kioskCatalogueResponse },
        },
      },
      async (request) => {
        const actor = terminal(request);
        // The identified resident's community, else the terminal's own (a community hall).
        const path = request.query.token ? (await identified(actor, request.query.token)).scopePath : actor.scopePath!;
        const community = await communityOf(db, path);
        if (!community) throw invalid('token', '请先核验身份');
        const [items, stations] = await Promise.all([catalogue(db, community.id), stationsOf(db, community.id)]);
        return {
          data: {
            community,
            items: items.map((i) => ({
              id: i.id,
              kind: i.kind,
              name: i.name,
              departmentName: i.departmentName,
              materials: i.materials,
              timeLimitDays: i.timeLimitDays,
              fee: i.fee,
              whereWhen: i.whereWhen,
              proxy: i.proxy,
            })),
            stations: stations.map((s) => ({ id: s.id, name: s.name, address: s.address })),
          },
        };
      },
    );

    app.get(
      '/api/kiosk/stations/:id/slots',
      {
        config: { permission: 'kiosk.use' },
        schema: {
          tags,
          summary: '驿站未来 7 天可预约时段',
          params: idParams,
          querystring: kioskSlotsQuery,
          response: { 200: kioskSlotsResponse },
        },
      },
      async (request) => {
        const actor = terminal(request);
        const person = await identified(actor, request.query.token);
        const station = await loadStationForKiosk(db, request.params.id, person.scopePath);
        const slots = await slotsOf(db, station.id, new Date(), 7);
        return {
          data: slots
            .filter((s) => s.booked < s.capacity)
            .map((s) => ({
              id: s.id,
              startsAt: s.startsAt.toISOString(),
              endsAt: s.endsAt.toISOString(),
              free: s.capacity - s.booked,
            })),
        };
      },
    );

    app.post(
      '/api/kiosk/bookings',
      {
        config: { permission: 'kiosk.use' },
        schema: {
          tags,
          summary: '为核验过的居民预约办事',
          body: kioskBookingBody,
          response: { 201: kioskReceiptResponse },
        },
      },
      async (request, reply) => {
        const actor = terminal(request);
        const person = await identified(actor, request.body.token);
        return reply.status(201).send({ data: await bookAtKiosk(db, actor, person, request.body) });
      },
    );

    app.post(
      '/api/kiosk/reports',
      {
        config: { permission: 'kiosk.use' },
        schema: {
          tags,
          summary: '反映问题（案件来源：自助终端）',
          body: kioskReportBody,
          response: { 201: kioskReceiptResponse },
        },
      },
      async (request, reply) => {
        const actor = terminal(request);
        const person = request.body.token ? await identified(actor, request.body.token) : null;
        return reply.status(201).send({ data: await reportAtKiosk(deps, actor, person, request.body) });
      },
    );
  };
}
