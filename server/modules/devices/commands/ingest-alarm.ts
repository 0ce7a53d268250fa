import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { CATEGORY_CODE_BY_KIND, DEVICE_KIND_LABELS_ZH, type AlarmMessage } from '../../../../contracts/devices.ts';
import type { AppDeps } from '../../../app-deps.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { users } from '../../accounts/schema.ts';
import { caseBriefs, notifyUsers, reportCase, staffAt } from '../../cases/index.ts';
import { caseCategories } from '../../cases/schema.ts';
import { orgNodes } from '../../org/schema.ts';
import { devices, deviceAlarms, type AlarmOutcome } from '../schema.ts';

export type IngestOutcome = AlarmOutcome | 'duplicate_message' | 'unknown_device';
export interface IngestResult {
  outcome: IngestOutcome;
  caseId: number | null;
}

type DeviceRow = typeof devices.$inferSelect;

/** Thrown inside the case's transaction when another alarm of the device won the race: roll back, merge. */
class LostRace extends Error {}

async function lockDevice(tx: Tx, deviceId: number): Promise<DeviceRow> {
  return (await tx.select().from(devices).where(eq(devices.id, deviceId)).for('update'))[0]!;
}

/**
 * Under the device's row lock: a resent message is recognised; an alarm within the window of the
 * device's latest still-open case joins it. Returns null when a new case is needed.
 */
async function joinOpenCase(
  tx: Tx,
  device: DeviceRow,
  msg: AlarmMessage,
  occurredAt: Date,
  windowMinutes: number,
): Promise<IngestResult | null> {
  const [seen] = await tx
    .select({ caseId: deviceAlarms.caseId })
    .from(deviceAlarms)
    .where(and(eq(deviceAlarms.deviceId, device.id), eq(deviceAlarms.messageId, msg.id)));
  if (seen) return { outcome: 'duplicate_message', caseId: seen.caseId };
  const [latest] = await tx
    .select({ caseId: deviceAlarms.caseId })
    .from(deviceAlarms)
    .where(
      and(
        eq(deviceAlarms.deviceId, device.id),
        eq(deviceAlarms.outcome, 'case_created'),
        gt(deviceAlarms.receivedAt, sql`now() - make_interval(mins => ${windowMinutes})`),
      ),
    )
    .orderBy(desc(deviceAlarms.id))
    .limit(1);
  if (!latest || !(await caseBriefs(tx, [latest.caseId])).get(latest.caseId)?.open) return null;
  await recordAlarm(tx, device, msg, occurredAt, latest.caseId, 'merged');
  return { outcome: 'merged', caseId: latest.caseId };
}

async function recordAlarm(
  tx: Tx,
  device: DeviceRow,
  msg: AlarmMessage,
  occurredAt: Date,
  caseId: number,
  outcome: AlarmOutcome,
): Promise<void> {
  await tx.insert(deviceAlarms).values({
    deviceId: device.id,
    messageId: msg.id,
    alarmType: msg.type,
    level: msg.level,
    occurredAt,
    caseId,
    outcome,
    payload: msg,
  });
  await tx
    .update(devices)
    .set({ lastAlarmAt: sql`greatest(${devices.lastAlarmAt}, ${occurredAt.toISOString()}::timestamptz)` })
    .where(eq(devices.id, device.id));
}

async function gatewayActor(tx: Tx, device: DeviceRow): Promise<Actor> {
  const [row] = await tx
    .select({ user: users, path: orgNodes.path })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(eq(users.id, device.gatewayUserId));
  const u = row!.user;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scopeNodeId: u.scopeNodeId,
    scopePath: row!.path,
    departmentId: null,
    restriction: null,
  };
}

async function categoryId(tx: Tx, device: DeviceRow): Promise<number | undefined> {
  const [row] = await tx
    .select({ id: caseCategories.id })
    .from(caseCategories)
    .where(and(eq(caseCategories.code, CATEGORY_CODE_BY_KIND[device.kind]), eq(caseCategories.active, true)));
  return row?.id;
}

/**
 * One alarm from the broker. Alarms of one device are serialised by its row lock, so a burst
 * from one smoke detector files one case: the first files it, the rest join it while it is open
 * and within the window. The case is filed through the cases module (source `device`, the
 * community's gateway account), and the grid's worker is notified live in the same transaction.
 */
export async function ingestAlarm(
  deps: AppDeps,
  code: string,
  msg: AlarmMessage,
  windowMinutes: number,
): Promise<IngestResult> {
  const occurredAt = msg.at ? new Date(msg.at) : new Date();
  const [device] = await deps.db
    .select()
    .from(devices)
    .where(and(eq(devices.code, code), eq(devices.active, true)));
  if (!device) return { outcome: 'unknown_device', caseId: null };
  for (let attempt = 0; attempt < 3; attempt++) {
    const joined = await withTx(deps.db, async (tx) =>
      joinOpenCase(tx, await lockDevice(tx, device.id), msg, occurredAt, windowMinutes),
    );
    if (joined) return joined;
    try {
      const { actor, category } = await withTx(deps.db, async (tx) => ({
        actor: await gatewayActor(tx, device),
        category: await categoryId(tx, device),
      }));
      const label = DEVICE_KIND_LABELS_ZH[device.kind];
      // A pin outside every grid would be refused: then the case waits in the community's intake.
      const pinned =
        device.lng !== null && device.lat !== null && (await deps.gridLookup.locate(device.lng, device.lat)) !== null;
      const row = await reportCase(
        deps,
        actor,
        {
          title: `${label}告警：${device.name}`.slice(0, 80),
          description: `${msg.message || msg.type}（设备 ${device.code}，${device.address}）`.slice(0, 4000),
          categoryId: category,
          address: device.address.slice(0, 200),
          photoIds: [],
          answers: {},
          ...(pinned ? { lng: device.lng!, lat: device.lat! } : { communityId: device.communityId }),
        },
        {
          systemSource: 'device',
          externalRef: `${device.code}:${msg.id}`,
          afterInsert: async (tx, created) => {
            const locked = await lockDevice(tx, device.id);
            // Another instance may have filed this device's case while ours was being written.
            if (await joinOpenCase(tx, locked, msg, occurredAt, windowMinutes)) throw new LostRace();
            await recordAlarm(tx, locked, msg, occurredAt, created.id, 'case_created');
            const workers = device.gridId ? await staffAt(tx, device.gridId, ['grid_worker']) : [];
            await notifyUsers(
              tx,
              null,
              workers,
              created,
              'device_alarm',
              `【${label}告警】${device.address}：${msg.message || msg.type}`,
            );
          },
        },
      );
      return { outcome: 'case_created', caseId: row.id };
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
    }
  }
  throw new Error(`设备 ${code} 的告警多次并发冲突，未能入库`);
}
