import os from 'node:os';
import mqtt, { type MqttClient } from 'mqtt';
import { alarmMessageSchema } from '../../../contracts/devices.ts';
import type { AppDeps } from '../../app-deps.ts';
import { createAlarmBatcher } from './alarm-batcher.ts';
import { deferAcks } from './deferred-acks.ts';
import { ingestAlarms, type IngestResult } from './commands/ingest-alarm.ts';
import { alarmTopicFilter, deviceCodeOfTopic, type DeviceIntakeConfig } from './config.ts';

/** Most alarms one transaction writes: beyond this a batch's statements get long for little gain. */
const MAX_BATCH = 1000;

export interface AlarmIntake {
  /** Resolves once every consumer is connected and subscribed. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export interface IntakeOptions {
  /** Parallel consumers (MQTT connections in one shared-subscription group). */
  consumers?: number;
  /** Alarms each consumer may hold unacknowledged (its Receive Maximum). */
  inflight?: number;
  /** Batch transactions in flight at once. */
  parallel?: number;
  /** Stable client id stem: with a persistent session the broker keeps alarms for a consumer that restarts. */
  clientIdStem?: string;
  onResult?: (alarm: { code: string; messageId: string }, result: IngestResult, receivedAt: number) => void;
  log?: (message: string) => void;
}

/**
 * Device alarms from the broker (Mosquitto here). Each consumer is one MQTT 5 connection in the
 * shared group, QoS 1, persistent session; the PUBACK is sent only after the alarm's transaction
 * committed (mqtt.js acks when handleMessage calls back), so a process killed mid-way gets the
 * alarm redelivered and the unique (device, message id) index makes the second delivery a no-op.
 * Each connection holds up to GH_MQTT_INFLIGHT alarms whose PUBACKs wait, in arrival order, for
 * their commits (deferred-acks.ts); the batcher writes the alarms of all connections together.
 */
export function startAlarmIntake(deps: AppDeps, config: DeviceIntakeConfig, options: IntakeOptions = {}): AlarmIntake {
  if (!config.url) throw new Error('未配置 GH_MQTT_URL，设备告警接入未启动');
  const log = options.log ?? ((m: string) => console.error(m));
  const stem = options.clientIdStem ?? `gridhive-${os.hostname()}-${process.pid}`;
  const count = Math.max(1, options.consumers ?? config.consumers);
  const inflight = Math.max(1, options.inflight ?? config.inflight);
  const batcher = createAlarmBatcher((alarms) => ingestAlarms(deps, alarms, config.dedupeWindowMinutes), {
    maxBatch: Math.min(MAX_BATCH, count * inflight),
    lingerMs: 3,
    parallel: Math.max(1, options.parallel ?? 2),
  });
  const clients: MqttClient[] = [];
  let stopping = false;
  const connected: Promise<void>[] = [];

  for (let i = 0; i < count; i++) {
    const client = mqtt.connect(config.url, {
      clientId: `${stem}-${i}`,
      protocolVersion: 5,
      clean: false,
      // Receive Maximum: how many unacknowledged alarms the broker may hand this connection at once.
      properties: { sessionExpiryInterval: 3600, receiveMaximum: inflight },
      reconnectPeriod: 2000,
      // mqtt.js traces every packet through `debug` (~4 µs a call, a dozen calls an alarm: 5 % of a
      // burst's CPU even when tracing is off); DEBUG=mqttjs* still turns the tracing on.
      ...(process.env.DEBUG?.includes('mqttjs') ? {} : { log: () => undefined }),
      connectTimeout: 10_000,
    });
    clients.push(client);
    // Not acknowledged: the broker redelivers after reconnecting. Reconnect now so it does.
    const acks = deferAcks(client, () => {
      if (!stopping) client.reconnect();
    });
    client.handleMessage = (packet, done) => {
      const receivedAt = Date.now();
      const code = deviceCodeOfTopic(config, packet.topic);
      const parsed = alarmMessageSchema.safeParse(safeJson(packet.payload));
      if (!code || !parsed.success) {
        // A malformed alarm cannot become a case; acknowledge it so it is not redelivered forever.
        log(
          `设备告警格式错误，已丢弃：主题 ${packet.topic}，${parsed.success ? '设备编号不合法' : parsed.error.issues.map((e) => `${e.path.join('.')}: ${e.message}`).join('；')}`,
        );
        done();
        return;
      }
      const committed = batcher.add({ code, msg: parsed.data }).then(
        (result) => {
          if (result.outcome === 'unknown_device') log(`收到未登记或已停用设备 ${code} 的告警，已忽略`);
          options.onResult?.({ code, messageId: parsed.data.id }, result, receivedAt);
        },
        (error: unknown) => {
          log(`设备 ${code} 的告警入库失败，将重新投递：${(error as Error).message}`);
          throw error;
        },
      );
      // The PUBACK waits for this commit; mqtt.js may read the connection's next alarm meanwhile.
      acks.track(packet.messageId, committed);
      done();
    };
    connected.push(
      new Promise<void>((resolve, reject) => {
        client.once('connect', () => {
          client.subscribe(alarmTopicFilter(config), { qos: 1 }, (error) => (error ? reject(error) : resolve()));
        });
        client.once('error', reject);
      }),
    );
    client.on('error', (error) => {
      if (!stopping) log(`MQTT 连接错误（${config.url}）：${error.message}`);
    });
  }

  return {
    ready: Promise.all(connected).then(() => undefined),
    async stop() {
      stopping = true;
      await Promise.all(clients.map((c) => c.endAsync()));
    },
  };
}

function safeJson(payload: Buffer | string): unknown {
  try {
    return JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch {
    return null;
  }
}
