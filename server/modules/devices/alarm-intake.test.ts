import crypto from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { readDeviceIntakeConfig, type DeviceIntakeConfig } from './config.ts';
import { startAlarmIntake, type AlarmIntake } from './mqtt-intake.ts';

// The machine's Mosquitto (started by .ci/run). No broker is a failure, never a skip.
const BROKER = process.env.GH_TEST_MQTT_URL || 'mqtt://127.0.0.1:1883';

let ctx: TestContext;
let config: DeviceIntakeConfig;
let publisher: MqttClient;
const intakes: AlarmIntake[] = [];
let building: number;

beforeAll(async () => {
  ctx = await createTestApp();
  // A topic prefix of this run's own, so parallel runs on one broker never see each other's alarms.
  config = readDeviceIntakeConfig({
    GH_MQTT_URL: BROKER,
    GH_MQTT_TOPIC_PREFIX: `gh-test-${crypto.randomUUID().slice(0, 8)}`,
    GH_MQTT_GROUP: `g-${crypto.randomUUID().slice(0, 8)}`,
  });
  publisher = await mqtt.connectAsync(BROKER, { protocolVersion: 5 });
  building = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!.buildingIds[0]!;
});
afterAll(async () => {
  await Promise.all(intakes.map((i) => i.stop()));
  await publisher?.endAsync();
  await ctx.close();
});

async function startIntake(stem: string): Promise<AlarmIntake> {
  const intake = startAlarmIntake(ctx.deps, config, {
    consumers: 2,
    clientIdStem: `${stem}-${crypto.randomUUID().slice(0, 6)}`,
    log: () => {},
  });
  intakes.push(intake);
  await intake.ready;
  return intake;
}

async function registerDevice(code: string, kind = 'smoke'): Promise<number> {
  const staff = await loginAs(ctx.app, 'staff');
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/devices',
    headers: staff.headers,
    payload: { code, kind, name: '2单元楼道', nodeId: building },
  });
  expect(res.statusCode).toBe(201);
  return res.json().data.id;
}

const publish = (code: string, body: unknown) =>
  publisher.publishAsync(
    `${config.topicPrefix}/devices/${code}/alarm`,
    typeof body === 'string' ? body : JSON.stringify(body),
    { qos: 1 },
  );

async function alarmsOf(deviceId: number) {
  return (
    await ctx.pool.query<{ case_id: number; outcome: string; message_id: string }>(
      'select case_id, outcome, message_id from device_alarms where device_id = $1 order by id',
      [deviceId],
    )
  ).rows;
}

describe('device alarms over MQTT (real broker)', () => {
  beforeAll(async () => {
    await startIntake('a');
  });

  it('files a smoke alarm as a case in the device’s grid and tells the grid worker; repeats join it', async () => {
    const deviceId = await registerDevice('SMK-A-0001');
    await publish('SMK-A-0001', {
      id: 'm1',
      type: 'smoke',
      level: 'critical',
      message: '烟雾浓度超标',
      at: new Date().toISOString(),
    });
    await expect.poll(async () => (await alarmsOf(deviceId)).length, { timeout: 10_000 }).toBe(1);
    const [first] = await alarmsOf(deviceId);
    expect(first!.outcome).toBe('case_created');
    const [kase] = (
      await ctx.pool.query(
        'select source, state, grid_id, title, c.code as category from cases join case_categories c on c.id = cases.category_id where cases.id = $1',
        [first!.case_id],
      )
    ).rows;
    expect(kase).toMatchObject({
      source: 'device',
      state: 'reported',
      grid_id: ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!.id,
      category: '0505',
    });
    expect(kase.title).toContain('独立式烟感告警');

    const worker = await loginAs(ctx.app, 'gridworker');
    const inbox = (await ctx.app.inject({ method: 'GET', url: '/api/notifications', headers: worker.headers })).json();
    expect(
      inbox.data.some(
        (n: { caseId: number; text: string }) => n.caseId === first!.case_id && n.text.includes('烟雾浓度超标'),
      ),
    ).toBe(true);

    await publish('SMK-A-0001', { id: 'm2', type: 'smoke', message: '烟雾浓度持续超标' });
    await publish('SMK-A-0001', { id: 'm1', type: 'smoke', message: '重发的同一条告警' });
    await expect.poll(async () => (await alarmsOf(deviceId)).length, { timeout: 10_000 }).toBe(2);
    const rows = await alarmsOf(deviceId);
    expect(rows.map((r) => [r.message_id, r.outcome, r.case_id])).toEqual([
      ['m1', 'case_created', first!.case_id],
      ['m2', 'merged', first!.case_id],
    ]);
  });

  it('files a new case once the device’s case is closed', async () => {
    const deviceId = await registerDevice('SOS-A-0002', 'elderly_sos');
    await publish('SOS-A-0002', { id: 'x1', type: 'sos', message: '老人按下呼叫按钮' });
    await expect.poll(async () => (await alarmsOf(deviceId)).length, { timeout: 10_000 }).toBe(1);
    const [first] = await alarmsOf(deviceId);
    const [category] = (
      await ctx.pool.query(
        'select c.code from cases join case_categories c on c.id = cases.category_id where cases.id = $1',
        [first!.case_id],
      )
    ).rows;
    expect(category.code).toBe('1301');
    await ctx.pool.query(`update cases set state = 'closed' where id = $1`, [first!.case_id]);
    await publish('SOS-A-0002', { id: 'x2', type: 'sos', message: '再次呼叫' });
    await expect.poll(async () => (await alarmsOf(deviceId)).length, { timeout: 10_000 }).toBe(2);
    const [, second] = await alarmsOf(deviceId);
    expect(second!.outcome).toBe('case_created');
    expect(second!.case_id).not.toBe(first!.case_id);
  });

  it('ignores alarms of unknown devices and malformed messages, and keeps working', async () => {
    const before = (await ctx.pool.query('select count(*)::int as n from cases')).rows[0].n;
    await publish('NOPE-0000', { id: 'n1', type: 'smoke' });
    await publish('SMK-A-0001', 'not json');
    await publish('SMK-A-0001', { type: 'smoke' });
    const deviceId = await registerDevice('GAS-A-0003', 'gas');
    await publish('GAS-A-0003', { id: 'g1', type: 'gas', message: '可燃气体浓度超标' });
    await expect.poll(async () => (await alarmsOf(deviceId)).length, { timeout: 10_000 }).toBe(1);
    expect((await ctx.pool.query('select count(*)::int as n from cases')).rows[0].n).toBe(before + 1);
  });

  it('files one case for a burst from one device spread over two instances', async () => {
    await startIntake('b');
    const deviceId = await registerDevice('PNL-A-0004', 'fire_panel');
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        publish('PNL-A-0004', { id: `b${i}`, type: 'fire', message: `回路 ${i} 火警` }),
      ),
    );
    await expect.poll(async () => (await alarmsOf(deviceId)).length, { timeout: 30_000 }).toBe(40);
    const rows = await alarmsOf(deviceId);
    expect(new Set(rows.map((r) => r.case_id)).size).toBe(1);
    expect(rows.filter((r) => r.outcome === 'case_created')).toHaveLength(1);
  });

  it('shows staff the alarms with the case each became or joined', async () => {
    const staff = await loginAs(ctx.app, 'staff');
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/devices/alarms?pageSize=100',
      headers: staff.headers,
    });
    expect(res.statusCode).toBe(200);
    const first = res
      .json()
      .data.find(
        (a: { deviceCode: string; outcome: string }) => a.deviceCode === 'SMK-A-0001' && a.outcome === 'case_created',
      );
    expect(first.caseNo).toMatch(/\d/);
    expect(first.caseState).toBe('reported');
  });
});
