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
let intake: AlarmIntake | null = null;
const logged: string[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  config = readDeviceIntakeConfig({
    GH_MQTT_URL: BROKER,
    GH_MQTT_TOPIC_PREFIX: `gh-acks-${crypto.randomUUID().slice(0, 8)}`,
    GH_MQTT_GROUP: `g-${crypto.randomUUID().slice(0, 8)}`,
  });
  publisher = await mqtt.connectAsync(BROKER, { protocolVersion: 5 });
});
afterAll(async () => {
  await intake?.stop();
  await publisher?.endAsync();
  await ctx.pool.query('drop trigger if exists fail_first_writes on device_alarms');
  await ctx.close();
});

describe('device alarm acknowledgement (real broker)', () => {
  it('acknowledges an alarm only after its commit: one the database refused comes back, with those behind it, each filed once', async () => {
    const staff = await loginAs(ctx.app, 'staff');
    const building = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!.buildingIds[0]!;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: staff.headers,
      payload: { code: 'SMK-K-0001', kind: 'smoke', name: '3单元楼道', nodeId: building },
    });
    expect(res.statusCode).toBe(201);
    const deviceId = res.json().data.id as number;
    // The first two writes that include alarm k3 fail (its batch, then k3 alone); a sequence is not rolled back.
    await ctx.pool.query(`
      create sequence if not exists fail_first_writes_seq;
      create or replace function fail_first_writes() returns trigger language plpgsql as $$
      begin
        if new.message_id = 'k3' and nextval('fail_first_writes_seq') <= 2 then
          raise exception 'refused for the test';
        end if;
        return new;
      end $$;
      create trigger fail_first_writes before insert on device_alarms for each row execute function fail_first_writes();`);

    // One connection holding several alarms at once: the PUBACKs behind k3 must wait for it too.
    intake = startAlarmIntake(ctx.deps, config, {
      consumers: 1,
      inflight: 10,
      clientIdStem: `acks-${crypto.randomUUID().slice(0, 6)}`,
      log: (m) => logged.push(m),
    });
    await intake.ready;
    await Promise.all(
      ['k1', 'k2', 'k3', 'k4', 'k5'].map((id) =>
        publisher.publishAsync(
          `${config.topicPrefix}/devices/SMK-K-0001/alarm`,
          JSON.stringify({ id, type: 'smoke', message: `烟感 ${id}` }),
          { qos: 1 },
        ),
      ),
    );

    const rows = async () =>
      (
        await ctx.pool.query<{ message_id: string; case_id: number }>(
          'select message_id, case_id from device_alarms where device_id = $1 order by message_id',
          [deviceId],
        )
      ).rows;
    await expect
      .poll(async () => (await rows()).map((r) => r.message_id), { timeout: 30_000 })
      .toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
    expect(new Set((await rows()).map((r) => r.case_id)).size).toBe(1);
    expect(logged.some((m) => m.includes('SMK-K-0001') && m.includes('将重新投递'))).toBe(true);
    // Redelivered alarms that were committed before are recognised, not written twice.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await rows()).toHaveLength(5);
  });
});
