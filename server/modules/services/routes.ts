import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import {
  bookingDetailResponse,
  bookingPageResponse,
  bookingResponse,
  catalogueResponse,
  manageCatalogueResponse,
  pickedResidentsResponse,
  serviceItemResponse,
  slotListResponse,
  slotsOpenedResponse,
  staffOptionsResponse,
  stationResponse,
  bookingListQuery,
  catalogueQuery,
  completeBookingBody,
  createBookingBody,
  createServiceItemBody,
  createStationBody,
  handoverBody,
  manageCatalogueQuery,
  openSlotsBody,
  rateBookingBody,
  residentPickerQuery,
  slotsQuery,
  updateServiceItemBody,
  updateStationBody,
} from '../../../contracts/services.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { loadNodeInScope } from '../org/load-node.ts';
import { orgNodes } from '../org/schema.ts';
import { searchResidentsMasked } from '../people/index.ts';
import { cancelBooking, completeBooking, rateBooking } from './commands/complete-booking.ts';
import { createBooking } from './commands/create-booking.ts';
import { createServiceItem } from './commands/create-item.ts';
import { createStation } from './commands/create-station.ts';
import { handoverBooking } from './commands/handover-booking.ts';
import { openSlots } from './commands/open-slots.ts';
import { receiveBooking } from './commands/receive-booking.ts';
import { updateServiceItem } from './commands/update-item.ts';
import { updateStation } from './commands/update-station.ts';
import { handlersUnder } from './handlers.ts';
import { loadBooking, loadStationVisible } from './load.ts';
import { authorizeService, bookingAbilities, canService } from './policy.ts';
import { bookingHistory, bookingsPage, catalogue, catalogueForManager, slotsOf, stationsOf } from './queries.ts';

export function servicesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['services'];

    /** The community whose catalogue is asked for: given, or the one the actor lives/works in. */
    async function communityFor(actor: ReturnType<typeof requireActor>, communityId?: number) {
      const id = communityId ?? Number(actor.scopePath?.split('/').filter(Boolean)[2]);
      const [community] = id ? await db.select().from(orgNodes).where(eq(orgNodes.id, id)) : [];
      if (!community || community.level !== 'community' || !canService(actor, 'browse', community.path))
        throw new AppError('NOT_FOUND');
      return community;
    }

    app.get(
      '/api/services/catalogue',
      {
        config: { permission: 'services.browse' },
        schema: {
          tags,
          summary: '服务事项目录（默认本社区）',
          querystring: catalogueQuery,
          response: { 200: catalogueResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const community = await communityFor(actor, request.query.communityId);
        const [items, stations] = await Promise.all([
          catalogue(db, community.id, request.query.kind),
          stationsOf(db, community.id),
        ]);
        return {
          data: { community: { id: community.id, name: community.name }, items, stations },
          abilities: (['book', 'manage', 'handle', 'proxy_for', 'pick_resident'] as const).filter((a) =>
            canService(actor, a, community.path),
          ),
        };
      },
    );

    app.post(
      '/api/services/items',
      {
        config: { permission: 'services.manage' },
        schema: { tags, summary: '新增服务事项', body: createServiceItemBody, response: { 201: serviceItemResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await createServiceItem(db, requireActor(request), request.body) });
      },
    );

    app.get(
      '/api/services/manage/catalogue',
      {
        config: { permission: 'services.manage' },
        schema: {
          tags,
          summary: '服务事项与驿站管理（含已停办事项）',
          querystring: manageCatalogueQuery,
          response: { 200: manageCatalogueResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const community = await communityFor(actor, request.query.communityId);
        authorizeService(actor, 'manage', community.path);
        const [items, stations] = await Promise.all([
          catalogueForManager(db, community.id),
          stationsOf(db, community.id),
        ]);
        return { data: { community: { id: community.id, name: community.name }, items, stations } };
      },
    );

    app.patch(
      '/api/services/items/:id',
      {
        config: { permission: 'services.manage' },
        schema: {
          tags,
          summary: '修改或停办服务事项',
          params: idParams,
          body: updateServiceItemBody,
          response: { 200: serviceItemResponse },
        },
      },
      async (request) => {
        return { data: await updateServiceItem(db, requireActor(request), request.params.id, request.body) };
      },
    );

    app.patch(
      '/api/services/stations/:id',
      {
        config: { permission: 'services.manage' },
        schema: {
          tags,
          summary: '修改驿站（开放时间、容量）',
          params: idParams,
          body: updateStationBody,
          response: { 200: stationResponse },
        },
      },
      async (request) => {
        return { data: await updateStation(db, requireActor(request), request.params.id, request.body) };
      },
    );

    app.get(
      '/api/services/residents',
      {
        config: { permission: 'services.pickResident' },
        schema: {
          tags,
          summary: '代办选择居民（姓名/证件或手机号后四位，脱敏）',
          querystring: residentPickerQuery,
          response: { 200: pickedResidentsResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const community = await communityFor(actor, request.query.communityId);
        authorizeService(actor, 'pick_resident', community.path);
        // The search runs in the actor's scope, which pick_resident keeps inside this community.
        return { data: await searchResidentsMasked(db, deps.config.dataKey, actor, request.query.q) };
      },
    );

    app.post(
      '/api/services/stations',
      {
        config: { permission: 'services.manage' },
        schema: { tags, summary: '新增党群服务驿站', body: createStationBody, response: { 201: stationResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await createStation(db, requireActor(request), request.body) });
      },
    );

    app.post(
      '/api/services/stations/:id/slots',
      {
        config: { permission: 'services.manage' },
        schema: {
          tags,
          summary: '按开放时间开放预约时段',
          params: idParams,
          body: openSlotsBody,
          response: { 200: slotsOpenedResponse },
        },
      },
      async (request) => {
        return { data: await openSlots(db, requireActor(request), request.params.id, request.body) };
      },
    );

    app.get(
      '/api/services/stations/:id/slots',
      {
        config: { permission: 'services.browse' },
        schema: {
          tags,
          summary: '驿站预约时段与余量',
          params: idParams,
          querystring: slotsQuery,
          response: { 200: slotListResponse },
        },
      },
      async (request) => {
        const station = await loadStationVisible(db, requireActor(request), request.params.id);
        const from = request.query.from ? new Date(request.query.from) : new Date();
        return { data: await slotsOf(db, station.id, from, request.query.days) };
      },
    );

    app.post(
      '/api/services/bookings',
      {
        config: { permission: 'services.book' },
        schema: { tags, summary: '预约或申请代办', body: createBookingBody, response: { 201: bookingResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await createBooking(db, requireActor(request), request.body) });
      },
    );

    app.get(
      '/api/services/bookings',
      {
        config: { permission: 'services.bookings.read' },
        schema: {
          tags,
          summary: '预约列表（居民：我的；工作人员：受理箱）',
          querystring: bookingListQuery,
          response: { 200: bookingPageResponse },
        },
      },
      async (request) => {
        return bookingsPage(db, requireActor(request), request.query);
      },
    );

    app.get(
      '/api/services/bookings/:id',
      {
        config: { permission: 'services.bookings.read' },
        schema: { tags, summary: '预约详情与办理记录', params: idParams, response: { 200: bookingDetailResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        const booking = await loadBooking(db, actor, request.params.id);
        return {
          data: { ...booking, history: await bookingHistory(db, booking.id) },
          abilities: bookingAbilities(actor, booking),
        };
      },
    );

    app.post(
      '/api/services/bookings/:id/receive',
      {
        config: { permission: 'services.bookings.receive' },
        schema: { tags, summary: '受理（首问责任）', params: idParams, response: { 200: bookingResponse } },
      },
      async (request) => {
        return { data: await receiveBooking(db, requireActor(request), request.params.id) };
      },
    );
    app.post(
      '/api/services/bookings/:id/handover',
      {
        config: { permission: 'services.bookings.handover' },
        schema: {
          tags,
          summary: '移交给其他工作人员',
          params: idParams,
          body: handoverBody,
          response: { 200: bookingResponse },
        },
      },
      async (request) => {
        return { data: await handoverBooking(db, requireActor(request), request.params.id, request.body) };
      },
    );
    app.post(
      '/api/services/bookings/:id/complete',
      {
        config: { permission: 'services.bookings.complete' },
        schema: {
          tags,
          summary: '办结',
          params: idParams,
          body: completeBookingBody,
          response: { 200: bookingResponse },
        },
      },
      async (request) => {
        return { data: await completeBooking(db, requireActor(request), request.params.id, request.body.note) };
      },
    );
    app.post(
      '/api/services/bookings/:id/cancel',
      {
        config: { permission: 'services.bookings.cancel' },
        schema: { tags, summary: '取消预约', params: idParams, response: { 200: bookingResponse } },
      },
      async (request) => {
        return { data: await cancelBooking(db, requireActor(request), request.params.id) };
      },
    );
    app.post(
      '/api/services/bookings/:id/rate',
      {
        config: { permission: 'services.bookings.rate' },
        schema: {
          tags,
          summary: '评价服务',
          params: idParams,
          body: rateBookingBody,
          response: { 200: bookingResponse },
        },
      },
      async (request) => {
        return { data: await rateBooking(db, requireActor(request), request.params.id, request.body) };
      },
    );

    app.get(
      '/api/services/handlers',
      {
        config: { permission: 'services.handle' },
        schema: { tags, summary: '可移交的工作人员（本社区）', response: { 200: staffOptionsResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        const node = await loadNodeInScope(db, actor, actor.scopeNodeId ?? 0);
        authorizeService(actor, 'handle', node.path);
        return { data: await handlersUnder(db, node.path) };
      },
    );
  };
}
