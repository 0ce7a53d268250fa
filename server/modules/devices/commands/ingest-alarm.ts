import { and, eq, inArray, sql } from 'drizzle-orm';
import { CATEGORY_CODE_BY_KIND, DEVICE_KIND_LABELS_ZH, type AlarmMessage } from '../../../../contracts/devices.ts';
import type { AppDeps } from '../../../app-deps.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { CLOSED_CASE_STATES, caseBriefs, notifyMany, reportSystemCases, type SystemCase } from '../../cases/index.ts';
import { caseCategories, cases } from '../../cases/schema.ts';
import { truncatePath } from '../../cases/tree.ts';
import { devices, deviceAlarms, type AlarmOutcome } from '../schema.ts';
import { gatewayActors, gridWorkersOf } from './gateway.ts';

export type IngestOutcome = AlarmOutcome | 'duplicate_message' | 'unknown_device';
export interface IngestResult {
  outcome: IngestOutcome;
  caseId: number | null;
}
export interface IncomingAlarm {
  code: string;
  msg: AlarmMessage;
}

type DeviceRow = typeof devices.$inferSelect;
const key = (deviceId: number, messageId: string) => `${deviceId}\u0000${messageId}`;

/**
 * What the database already knows for these devices, in one statement: the messages already seen
 * (a redelivery), and each device's newest case filed within the window if it is still open.
 */
async function knownState(
  tx: Tx,
  deviceIds: number[],
  alarms: IncomingAlarm[],
  byCode: Map<string, DeviceRow>,
  windowMinutes: number,
) {
  const pairs = alarms.flatMap((a) => (byCode.has(a.code) ? [[byCode.get(a.code)!.id, a.msg.id] as const] : []));
  const rows = await tx.execute<{ device_id: number; message_id: string | null; case_id: number }>(sql`
    select a.device_id, a.message_id, a.case_id from ${deviceAlarms} a
    join unnest(${sql.param(pairs.map((p) => p[0]))}::int[], ${sql.param(pairs.map((p) => p[1]))}::text[]) as m(d, id)
      on a.device_id = m.d and a.message_id = m.id
    union all
    select l.device_id, null, l.case_id from (
      select distinct on (device_id) device_id, case_id from ${deviceAlarms}
      where device_id = any(${sql.param(deviceIds)}::int[]) and outcome = 'case_created'
        and received_at > now() - make_interval(mins => ${windowMinutes})
      order by device_id, id desc) l
    join ${cases} c on c.id = l.case_id and c.state not in ${sql.raw(`(${CLOSED_CASE_STATES.map((s) => `'${s}'`).join(',')})`)}`);
  const seen = new Map<string, number>();
  const openCase = new Map<number, number>();
  for (const r of rows.rows)
    if (r.message_id === null) openCase.set(r.device_id, r.case_id);
    else seen.set(key(r.device_id, r.message_id), r.case_id);
  return { seen, openCase };
}

async function categoryIdsByKind(tx: Tx, kinds: DeviceRow['kind'][]): Promise<Map<string, number>> {
  const codes = [...new Set(kinds.map((k) => CATEGORY_CODE_BY_KIND[k]))];
  const rows = await tx
    .select({ id: caseCategories.id, code: caseCategories.code })
    .from(caseCategories)
    .where(and(inArray(caseCategories.code, codes), eq(caseCategories.active, true)));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/**
 * Alarms from the broker, many at a time, in ONE transaction. The devices concerned are locked
 * in id order (two batches, or two instances, touching one device queue behind each other and
 * cannot deadlock); under the lock a resent message (same device and message id) is recognised,
 * an alarm within the window of the device's still-open case joins it, and the first new alarm
 * of a device files its case — through the cases module, set-based, with the timeline, live
 * event and audit row — which the device's later alarms in the batch join. Grid workers are
 * notified in the same transaction. Results come back in the order of `alarms`.
 */
export async function ingestAlarms(
  deps: AppDeps,
  alarms: IncomingAlarm[],
  windowMinutes: number,
): Promise<IngestResult[]> {
  if (!alarms.length) return [];
  return withTx(deps.db, async (tx) => {
    const codes = [...new Set(alarms.map((a) => a.code))];
    const locked = await tx
      .select()
      .from(devices)
      .where(and(inArray(devices.code, codes), eq(devices.active, true)))
      .orderBy(devices.id)
      .for('update');
    const byCode = new Map(locked.map((d) => [d.code, d]));
    const deviceIds = locked.map((d) => d.id);
    const { seen, openCase } = await knownState(tx, deviceIds, alarms, byCode, windowMinutes);

    const results: IngestResult[] = [];
    /** Devices whose case this batch files: the reference of the alarm that files it. */
    const filing = new Map<number, string>();
    const records: { index: number; device: DeviceRow; msg: AlarmMessage; outcome: AlarmOutcome; ref?: string }[] = [];
    for (const [index, { code, msg }] of alarms.entries()) {
      const device = byCode.get(code);
      if (!device) {
        results.push({ outcome: 'unknown_device', caseId: null });
        continue;
      }
      const k = key(device.id, msg.id);
      if (seen.has(k)) {
        const earlier = seen.get(k)!;
        results.push({ outcome: 'duplicate_message', caseId: earlier === -1 ? null : earlier });
        continue;
      }
      seen.set(k, -1); // a message repeated within the batch is a duplicate of this one
      const open = openCase.get(device.id);
      const ref = filing.get(device.id);
      if (open !== undefined || ref !== undefined) {
        records.push({ index, device, msg, outcome: 'merged', ref });
        results.push({ outcome: 'merged', caseId: open ?? null });
        continue;
      }
      const newRef = `${device.code}:${msg.id}`;
      filing.set(device.id, newRef);
      records.push({ index, device, msg, outcome: 'case_created', ref: newRef });
      results.push({ outcome: 'case_created', caseId: null });
    }

    const filed = records.filter((r) => r.outcome === 'case_created');
    const caseIds = await fileCases(tx, filed);
    for (const r of records) if (r.ref) results[r.index]!.caseId = caseIds.get(r.ref)!;

    if (records.length) {
      await recordAlarms(
        tx,
        records.map((r) => ({ ...r, caseId: results[r.index]!.caseId! })),
      );
    }
    await notifyGridWorkers(
      tx,
      filed.map((r) => ({ device: r.device, msg: r.msg, caseId: caseIds.get(r.ref!)! })),
    );
    return results;
  });
}

/** The alarms' rows and each device's latest alarm time, in one statement. */
async function recordAlarms(
  tx: Tx,
  records: { device: DeviceRow; msg: AlarmMessage; outcome: AlarmOutcome; caseId: number }[],
): Promise<void> {
  const at = records.map((r) => (r.msg.at ? new Date(r.msg.at) : new Date()).toISOString());
  const col = <T>(f: (r: (typeof records)[number]) => T) => sql.param(records.map(f));
  await tx.execute(sql`
    with a as (
      insert into ${deviceAlarms} (device_id, message_id, alarm_type, level, occurred_at, case_id, outcome, payload)
      select * from unnest(${col((r) => r.device.id)}::int[], ${col((r) => r.msg.id)}::text[], ${col((r) => r.msg.type)}::text[],
        ${col((r) => r.msg.level)}::text[], ${sql.param(at)}::timestamptz[], ${col((r) => r.caseId)}::int[],
        ${col((r) => r.outcome)}::text[], ${col((r) => JSON.stringify(r.msg))}::jsonb[])
      returning device_id, occurred_at)
    update ${devices} d set last_alarm_at = greatest(d.last_alarm_at, u.at)
    from (select device_id, max(occurred_at) as at from a group by device_id) u
    where d.id = u.device_id`);
}

async function fileCases(
  tx: Tx,
  filed: { device: DeviceRow; msg: AlarmMessage; ref?: string }[],
): Promise<Map<string, number>> {
  if (!filed.length) return new Map();
  const actors = await gatewayActors(
    tx,
    filed.map((r) => r.device.gatewayUserId),
  );
  const categories = await categoryIdsByKind(
    tx,
    filed.map((r) => r.device.kind),
  );
  const items: SystemCase[] = filed.map(({ device, msg, ref }) => {
    const label = DEVICE_KIND_LABELS_ZH[device.kind];
    return {
      actor: actors.get(device.gatewayUserId)!,
      externalRef: ref!,
      title: `${label}告警：${device.name}`.slice(0, 80),
      description: `${msg.message || msg.type}（设备 ${device.code}，${device.address}）`.slice(0, 4000),
      categoryId: categories.get(CATEGORY_CODE_BY_KIND[device.kind]) ?? null,
      address: device.address.slice(0, 200),
      lng: device.lng,
      lat: device.lat,
      // The device is fixed to a place of the tree: its grid (or its community when not in a grid).
      scopePath: truncatePath(device.scopePath, device.gridId ? 4 : 3),
    };
  });
  return reportSystemCases(tx, 'device', items);
}

async function notifyGridWorkers(
  tx: Tx,
  filed: { device: DeviceRow; msg: AlarmMessage; caseId: number }[],
): Promise<void> {
  if (!filed.length) return;
  const workers = await gridWorkersOf(
    tx,
    filed.flatMap((f) => (f.device.gridId ? [f.device.gridId] : [])),
  );
  const briefs = await caseBriefs(
    tx,
    filed.map((f) => f.caseId),
  );
  await notifyMany(
    tx,
    filed.flatMap(({ device, msg, caseId }) =>
      (workers.get(device.gridId ?? -1) ?? []).map((userId) => ({
        userId,
        caseId,
        caseNo: briefs.get(caseId)!.caseNo,
        kind: 'device_alarm',
        text: `【${DEVICE_KIND_LABELS_ZH[device.kind]}告警】${device.address}：${msg.message || msg.type}`,
      })),
    ),
  );
}

/** One alarm (tests and callers without a batch). */
export async function ingestAlarm(
  deps: AppDeps,
  code: string,
  msg: AlarmMessage,
  windowMinutes: number,
): Promise<IngestResult> {
  return (await ingestAlarms(deps, [{ code, msg }], windowMinutes))[0]!;
}
