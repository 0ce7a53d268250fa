import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  alarmListQuery,
  alarmListResponse,
  deviceListQuery,
  deviceListResponse,
  registerDeviceBody,
  registerDeviceResponse,
} from '../../../contracts/devices.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { registerDevice, retireDevice } from './commands/register-device.ts';
import { authorizeDeviceList, devicesScopeWhere } from './policy.ts';
import { deviceView, listAlarms, listDevices } from './queries.ts';

export function devicesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['devices'];
    app.get(
      '/api/devices',
      {
        config: { permission: 'devices.read' },
        schema: {
          tags,
          summary: '物联设备（消防、养老监测），按管辖范围',
          querystring: deviceListQuery,
          response: { 200: deviceListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeDeviceList(actor);
        return listDevices(db, actor, request.query);
      },
    );
    app.post(
      '/api/devices',
      {
        config: { permission: 'devices.manage' },
        schema: {
          tags,
          summary: '登记设备（安装在楼栋或房屋）',
          body: registerDeviceBody,
          response: { 201: registerDeviceResponse },
        },
      },
      async (request, reply) => {
        const row = await registerDevice(db, requireActor(request), request.body);
        return reply.status(201).send({ data: deviceView(row, 0) });
      },
    );
    app.post(
      '/api/devices/:id/retire',
      {
        config: { permission: 'devices.manage' },
        schema: {
          tags,
          summary: '停用设备（之后的告警不再立案）',
          params: idParams,
          response: { 200: registerDeviceResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const row = await retireDevice(db, actor, request.params.id, devicesScopeWhere(actor));
        return { data: deviceView(row, 0) };
      },
    );
    app.get(
      '/api/devices/alarms',
      {
        config: { permission: 'devices.read' },
        schema: {
          tags,
          summary: '设备告警记录（立案或并入已有案件）',
          querystring: alarmListQuery,
          response: { 200: alarmListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeDeviceList(actor);
        return listAlarms(db, actor, request.query);
      },
    );
  };
}
