import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { alarmListQuery, AlarmView, deviceListQuery, DeviceView } from '../../../contracts/devices.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { caseBriefs } from '../cases/index.ts';
import { devicesScopeWhere } from './policy.ts';
import { deviceAlarms, devices } from './schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function deviceView(d: typeof devices.$inferSelect, alarms: number): DeviceView {
  return {
    id: d.id,
    code: d.code,
    kind: d.kind,
    name: d.name,
    address: d.address,
    nodeId: d.nodeId,
    gridId: d.gridId,
    communityId: d.communityId,
    lng: d.lng,
    lat: d.lat,
    active: d.active,
    lastAlarmAt: iso(d.lastAlarmAt),
    alarms,
  };
}

/** Devices under the actor's scope, newest first, each with how many alarms it sent. */
export async function listDevices(db: Queryable, actor: Actor, q: z.infer<typeof deviceListQuery>) {
  const where = and(
    devicesScopeWhere(actor),
    q.communityId ? eq(devices.communityId, q.communityId) : undefined,
  ) as SQL;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(devices)
      .where(where)
      .orderBy(desc(devices.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(devices).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db
        .select({ deviceId: deviceAlarms.deviceId, n: count() })
        .from(deviceAlarms)
        .where(inArray(deviceAlarms.deviceId, ids))
        .groupBy(deviceAlarms.deviceId)
    : [];
  const byDevice = new Map(counts.map((c) => [c.deviceId, Number(c.n)]));
  return {
    data: rows.map((r) => deviceView(r, byDevice.get(r.id) ?? 0)),
    page: { page: q.page, pageSize: q.pageSize, total: Number(total!.n) },
  };
}

/** Alarms of devices under the actor's scope, newest first, with the case each became or joined. */
export async function listAlarms(db: Queryable, actor: Actor, q: z.infer<typeof alarmListQuery>) {
  const where = and(devicesScopeWhere(actor), q.deviceId ? eq(devices.id, q.deviceId) : undefined) as SQL;
  const [rows, [total]] = await Promise.all([
    db
      .select({ alarm: deviceAlarms, device: { code: devices.code, name: devices.name, kind: devices.kind } })
      .from(deviceAlarms)
      .innerJoin(devices, eq(devices.id, deviceAlarms.deviceId))
      .where(where)
      .orderBy(desc(deviceAlarms.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(deviceAlarms).innerJoin(devices, eq(devices.id, deviceAlarms.deviceId)).where(where),
  ]);
  const briefs = await caseBriefs(
    db,
    rows.map((r) => r.alarm.caseId),
  );
  const data: AlarmView[] = rows.map(({ alarm, device }) => ({
    id: alarm.id,
    deviceId: alarm.deviceId,
    deviceCode: device.code,
    deviceName: device.name,
    kind: device.kind,
    alarmType: alarm.alarmType,
    level: alarm.level,
    occurredAt: alarm.occurredAt.toISOString(),
    receivedAt: alarm.receivedAt.toISOString(),
    caseId: alarm.caseId,
    caseNo: briefs.get(alarm.caseId)?.caseNo ?? '',
    caseState: briefs.get(alarm.caseId)?.state ?? '',
    outcome: alarm.outcome,
  }));
  return { data, page: { page: q.page, pageSize: q.pageSize, total: Number(total!.n) } };
}
