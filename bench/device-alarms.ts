/**
 * Device alarms at burst: `npm run bench:device-alarms` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; GH_TEST_MQTT_URL, default mqtt://127.0.0.1:1883).
 * Creates its own gridhive_bench_devices_* database with the demo district's tree, registers
 * BENCH_DEVICES devices (default 500) through the API, then publishes a burst of BENCH_ALARMS
 * alarms (default 10,000, 20 per device) at once, each device from a connection of its own on a
 * thread of their own (devices/publish-thread.ts), and measures, per alarm, publish → committed
 * (case filed or joined). Baseline in the same run: the same burst through the same broker to
 * consumers that only acknowledge — what MQTT alone costs. Prints cases vs alarms (dedupe),
 * throughput and p50/p95/p99 latency.
 */
import crypto from 'node:crypto';
import mqtt from 'mqtt';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../server/db/schema.ts';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/platform/config.ts';
import { pg } from '../server/platform/db/pg-types.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import type { Db } from '../server/platform/db/open.ts';
import { createDeps } from '../server/deps.ts';
import { seedDemoIfEmpty } from '../server/seed/index.ts';
import { readDeviceIntakeConfig } from '../server/modules/devices/config.ts';
import { startAlarmIntake } from '../server/modules/devices/mqtt-intake.ts';
import { percentile } from './lib/stats.ts';
import { runInWorker, siblingEntry } from '../server/platform/threads/run-in-worker.ts';
import type { BurstJob } from './devices/publish-thread.ts';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 500);
const ALARMS = Number(process.env.BENCH_ALARMS ?? 10_000);
const CONSUMERS = Number(process.env.BENCH_CONSUMERS ?? 128);
const BROKER = process.env.GH_TEST_MQTT_URL || 'mqtt://127.0.0.1:1883';
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `gridhive_bench_devices_${process.pid}`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
// The database is dropped at the end while idle connections may still be open: not an error.
pool.on('error', () => {});
const db = drizzle(pool, { schema }) as unknown as Db;

/** The burst: alarm i comes from device i mod DEVICES, so every device's alarms are spread through it. */
function burst(codes: string[]): { code: string; id: string }[] {
  return Array.from({ length: ALARMS }, (_, i) => ({ code: codes[i % codes.length]!, id: `a${i}` }));
}

/** Absolute time in ms on the clock the publisher thread uses too. */
const clock = () => performance.timeOrigin + performance.now();

/** Publishes the burst from the devices' own thread; resolves with each alarm's send time once all are sent. */
function publishBurst(prefix: string, alarms: { code: string; id: string }[]): Promise<Map<string, number>> {
  return runInWorker<Map<string, number>>(siblingEntry(import.meta.url, 'devices/publish-thread'), {
    broker: BROKER,
    prefix,
    alarms,
  } satisfies BurstJob);
}

/**
 * Resolves when `count()` reaches `total`, or when it has not moved for 30 s: a broker whose
 * per-client queue (Mosquitto's max_queued_messages, 1,000 by default) overflowed drops QoS 1
 * messages, and the bench says so instead of waiting for ever.
 */
async function settled(done: Promise<void>, count: () => number, total: number): Promise<void> {
  let last = -1;
  let still = 0;
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<void>((resolve) => {
    timer = setInterval(() => {
      const now = count();
      still = now === last ? still + 5 : 0;
      last = now;
      if (still >= 30) {
        console.log(`!! ${total - now} of ${total} alarms never arrived (broker queue limit?)`);
        resolve();
      }
    }, 5000);
  });
  await Promise.race([done, stalled]);
  clearInterval(timer);
}

/**
 * Latency of each alarm: publish (publisher thread) → done here, both on the shared clock; the
 * burst's time runs from the first alarm sent to the last one done (not the devices' connecting).
 */
function report(label: string, doneAt: Map<string, number>, sentAt: Map<string, number>): { p95: number } {
  const wallMs = Math.max(...doneAt.values()) - Math.min(...sentAt.values());
  const latencies = [...doneAt].map(([key, at]) => at - sentAt.get(key)!).sort((a, b) => a - b);
  const p = (q: number) => percentile(latencies, q / 100);
  console.log(
    `${label}: ${latencies.length} alarms in ${(wallMs / 1000).toFixed(2)} s (${Math.round(latencies.length / (wallMs / 1000))} alarms/s); publish → done p50 ${p(50).toFixed(0)} ms, p95 ${p(95).toFixed(0)} ms, p99 ${p(99).toFixed(0)} ms`,
  );
  return { p95: p(95) };
}

/** Baseline: consumers in a shared group that acknowledge at once, no database. */
async function brokerOnly(alarms: { code: string; id: string }[]): Promise<{ p95: number }> {
  const prefix = `bench-${crypto.randomUUID().slice(0, 8)}`;
  const group = `g${crypto.randomUUID().slice(0, 8)}`;
  const doneAt = new Map<string, number>();
  let finished!: () => void;
  const done = new Promise<void>((r) => {
    finished = r;
  });
  const clients = await Promise.all(
    Array.from({ length: CONSUMERS }, async () => {
      const c = await mqtt.connectAsync(BROKER, { protocolVersion: 5, log: () => undefined }); // as the intake's
      c.handleMessage = (packet, ack) => {
        const code = packet.topic.split('/')[2]!;
        const id = (JSON.parse(packet.payload.toString()) as { id: string }).id;
        doneAt.set(`${code}/${id}`, clock());
        if (doneAt.size === alarms.length) finished();
        ack();
      };
      await c.subscribeAsync(`$share/${group}/${prefix}/devices/+/alarm`, { qos: 1 });
      return c;
    }),
  );
  const [sentAt] = await Promise.all([publishBurst(prefix, alarms), settled(done, () => doneAt.size, alarms.length)]);
  const result = report('baseline (MQTT only, ack at once)', doneAt, sentAt);
  await Promise.all(clients.map((c) => c.endAsync()));
  return result;
}

try {
  await runMigrations(pool);
  await seedDemoIfEmpty(db, { password: 'bench', housesFor: () => false });
  const deps = createDeps({ ...readConfig({}), webDir: null }, db);
  const app = await buildApp(deps);
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: 'bench' },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = login.cookies.find((c) => c.name === 'gh_csrf')?.value ?? '';
  const buildings = (
    await pool.query<{ id: number }>(`select id from org_nodes where level = 'building' order by id limit $1`, [
      DEVICES,
    ])
  ).rows;
  const codes: string[] = [];
  for (const [i, b] of buildings.entries()) {
    const code = `SMK-B-${String(i).padStart(5, '0')}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { code, kind: i % 3 === 0 ? 'elderly_sos' : 'smoke', name: `楼道设备 ${i}`, nodeId: b.id },
    });
    if (res.statusCode !== 201) throw new Error(`登记设备失败：${res.body}`);
    codes.push(code);
  }
  console.log(`${codes.length} devices registered; burst of ${ALARMS} alarms, ${CONSUMERS} consumers`);
  const alarms = burst(codes);

  const baseline = await brokerOnly(alarms);

  const config = readDeviceIntakeConfig({
    GH_MQTT_URL: BROKER,
    GH_MQTT_TOPIC_PREFIX: `bench-${crypto.randomUUID().slice(0, 8)}`,
    GH_MQTT_GROUP: `g${crypto.randomUUID().slice(0, 8)}`,
    GH_MQTT_INFLIGHT: process.env.GH_MQTT_INFLIGHT,
  });
  const doneAt = new Map<string, number>();
  let finished!: () => void;
  const done = new Promise<void>((r) => {
    finished = r;
  });
  const outcomes = new Map<string, number>();
  const intake = startAlarmIntake(deps, config, {
    consumers: CONSUMERS,
    parallel: Number(process.env.BENCH_PARALLEL ?? 2),
    clientIdStem: `bench-${process.pid}`,
    log: (m) => console.error(m),
    onResult: (alarm, result) => {
      outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
      doneAt.set(`${alarm.code}/${alarm.messageId}`, clock());
      if (doneAt.size === alarms.length) finished();
    },
  });
  await intake.ready;
  const [sentAt] = await Promise.all([
    publishBurst(config.topicPrefix, alarms),
    settled(done, () => doneAt.size, alarms.length),
  ]);
  const full = report('GridHive intake (dedupe + case + notification, committed)', doneAt, sentAt);
  const cases = (await pool.query(`select count(*)::int as n from cases where source = 'device'`)).rows[0].n;
  console.log(
    `outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}; cases filed ${cases} for ${ALARMS} alarms from ${codes.length} devices`,
  );
  console.log(
    `ratio p95 intake / baseline: ${(full.p95 / Math.max(1, baseline.p95)).toFixed(1)}× (goal: p95 ≤ 1000 ms → ${full.p95 <= 1000 ? 'met' : 'NOT met'})`,
  );
  await intake.stop();
  deps.liveHub.close();
  await app.close();
} finally {
  await pool.end();
  if (!process.env.BENCH_KEEP) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
