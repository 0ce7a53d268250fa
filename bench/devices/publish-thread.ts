/**
 * The devices of bench/device-alarms.ts, on a thread of their own: real devices publish from
 * elsewhere, so they must not share the intake's event loop.
 *
 * Each device is a connection of its own, as in the field (MQTT 3.1.1, QoS 1, as most fire and
 * care devices speak). Its PUBLISH packets are encoded by mqtt-packet (mqtt.js's own codec) before
 * the burst starts, and the burst writes each device's packets to its socket in one write: real
 * devices cost the intake's machine nothing, and on this 2-core machine a full MQTT client per
 * alarm (mqtt.js's publish path, about 40 µs each) took CPU from the intake and PostgreSQL it
 * measures. Each alarm's send time is taken on the shared clock (performance.timeOrigin + now,
 * comparable across the threads of one process) just before its device's write; the job ends
 * when the broker has acknowledged every alarm.
 */
import net from 'node:net';
import { parentPort } from 'node:worker_threads';
import mqttPacket, { type Parser } from 'mqtt-packet';
import { serveOneJob } from '../../server/platform/threads/run-in-worker.ts';

export interface BurstJob {
  broker: string;
  prefix: string;
  alarms: { code: string; id: string }[];
}

const MQTT_3_1_1 = 4;

/** One simulated device: its socket, its encoded alarms, and when the broker has acknowledged them all. */
interface Device {
  code: string;
  socket: net.Socket;
  alarmIds: string[];
  packets: Buffer;
  allAcked: Promise<void>;
}

/** Opens the device's connection and resolves once the broker accepted it (CONNACK 0). */
function connectDevice(host: string, port: number, clientId: string): Promise<{ socket: net.Socket; parser: Parser }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port, noDelay: true });
    const parser = mqttPacket.parser({ protocolVersion: MQTT_3_1_1 });
    socket.on('data', (chunk) => parser.parse(chunk));
    socket.once('error', reject);
    parser.on('error', reject);
    parser.once('packet', (packet) => {
      if (packet.cmd === 'connack' && packet.returnCode === 0) resolve({ socket, parser });
      else reject(new Error(`设备 ${clientId} 未被代理接受：${JSON.stringify(packet)}`));
    });
    socket.write(
      mqttPacket.generate({
        cmd: 'connect',
        protocolId: 'MQTT',
        protocolVersion: MQTT_3_1_1,
        clientId,
        clean: true,
        keepalive: 60,
      }),
    );
  });
}

async function openDevice(url: URL, prefix: string, code: string, ids: string[]): Promise<Device> {
  const { socket, parser } = await connectDevice(url.hostname, Number(url.port || 1883), `sim-${prefix}-${code}`);
  const at = new Date().toISOString();
  const packets = Buffer.concat(
    ids.map((id, i) =>
      mqttPacket.generate({
        cmd: 'publish',
        topic: `${prefix}/devices/${code}/alarm`,
        payload: JSON.stringify({ id, type: 'smoke', message: '烟雾浓度超标', at }),
        qos: 1,
        messageId: i + 1,
        retain: false,
        dup: false,
      }),
    ),
  );
  let acked = 0;
  const allAcked = new Promise<void>((resolve) => {
    parser.on('packet', (packet) => {
      if (packet.cmd === 'puback' && ++acked === ids.length) resolve();
    });
  });
  return { code, socket, alarmIds: ids, packets, allAcked };
}

await serveOneJob<BurstJob, Map<string, number>>(parentPort!, async ({ broker, prefix, alarms }) => {
  const byDevice = new Map<string, string[]>();
  for (const a of alarms) {
    const ids = byDevice.get(a.code);
    if (ids) ids.push(a.id);
    else byDevice.set(a.code, [a.id]);
  }
  const url = new URL(broker);
  const devices = await Promise.all([...byDevice].map(([code, ids]) => openDevice(url, prefix, code, ids)));

  const sentAt = new Map<string, number>();
  for (const device of devices) {
    const now = performance.timeOrigin + performance.now();
    for (const id of device.alarmIds) sentAt.set(`${device.code}/${id}`, now);
    device.socket.write(device.packets);
  }
  await Promise.all(devices.map((d) => d.allAcked));
  await Promise.all(
    devices.map(
      (d) =>
        new Promise<void>((resolve) => {
          d.socket.end(mqttPacket.generate({ cmd: 'disconnect' }), () => resolve());
        }),
    ),
  );
  return { value: sentAt };
});
