/**
 * The devices of bench/device-alarms.ts, on a thread of their own: real devices publish from
 * elsewhere, so their MQTT client must not share the intake's event loop (in one thread the
 * publisher's 10,000 sends and the intake's work delayed each other). Publishes the burst at QoS 1
 * as fast as the broker takes it and answers each alarm's send time on the shared clock
 * (performance.timeOrigin + now, comparable across the threads of one process).
 */
import { parentPort } from 'node:worker_threads';
import mqtt from 'mqtt';
import { serveOneJob } from '../../server/platform/threads/run-in-worker.ts';

export interface BurstJob {
  broker: string;
  prefix: string;
  alarms: { code: string; id: string }[];
}

await serveOneJob<BurstJob, Map<string, number>>(parentPort!, async ({ broker, prefix, alarms }) => {
  // mqtt.js traces every packet through `debug` unless given a logger: 5 % of the simulated devices' CPU.
  const publisher = await mqtt.connectAsync(broker, { protocolVersion: 5, log: () => undefined });
  const at = new Date().toISOString();
  const sentAt = new Map<string, number>();
  await Promise.all(
    alarms.map((a) => {
      sentAt.set(`${a.code}/${a.id}`, performance.timeOrigin + performance.now());
      return publisher.publishAsync(
        `${prefix}/devices/${a.code}/alarm`,
        JSON.stringify({ id: a.id, type: 'smoke', message: '烟雾浓度超标', at }),
        { qos: 1 },
      );
    }),
  );
  await publisher.endAsync();
  return { value: sentAt };
});
