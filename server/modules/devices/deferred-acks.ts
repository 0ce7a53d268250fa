import type { MqttClient } from 'mqtt';

type SendPacket = (
  packet: { cmd: string; messageId?: number },
  cb?: (error?: Error) => void,
  ...rest: unknown[]
) => void;

/**
 * Lets one MQTT connection hold many alarms at once while still acknowledging each only after its
 * transaction committed, and in the order they arrived (MQTT 5 §4.6).
 *
 * Written here because mqtt.js works a connection's messages strictly one at a time: it parses the
 * next PUBLISH only once the previous one's PUBACK is written (backpressure by design), and it has
 * no public way to acknowledge later. So one alarm per connection was in flight, and throughput
 * was consumers ÷ (batch wait + commit): 128 connections gave about 5,000 alarms/s. Here the
 * PUBACK mqtt.js is about to write is held back (its callback runs at once, so mqtt.js reads on)
 * and written when the alarm's commit — and every earlier alarm's — is done. The broker keeps at
 * most Receive Maximum (and its own max_inflight_messages) unacknowledged per connection.
 *
 * This replaces the client's private `_sendPacket` for `puback` packets (mqtt.js 5.x); a test
 * against the real broker checks that an alarm whose commit failed is not acknowledged and comes
 * back. `track` registers the commit of a message before mqtt.js sends its PUBACK.
 */
export function deferAcks(client: MqttClient, onCommitFailed: () => void) {
  const holder = client as unknown as { _sendPacket: SendPacket };
  if (typeof holder._sendPacket !== 'function') throw new Error('mqtt.js 内部接口已变化：请核对 deferred-acks.ts');
  const send = holder._sendPacket.bind(client);
  const commits = new Map<number, Promise<unknown>>();
  let chain: Promise<unknown> = Promise.resolve();
  // A new connection starts a new chain: PUBACKs owed on the old one are redelivered by the broker.
  let generation = 0;
  client.on('connect', () => {
    generation++;
    chain = Promise.resolve();
    commits.clear();
  });

  holder._sendPacket = (packet, cb, ...rest) => {
    if (packet.cmd !== 'puback' || packet.messageId === undefined) return send(packet, cb, ...rest);
    const committed = commits.get(packet.messageId) ?? Promise.resolve();
    commits.delete(packet.messageId);
    const mine = generation;
    chain = chain.then(() =>
      committed.then(
        () => {
          if (mine === generation) send(packet);
        },
        () => {
          // Not acknowledged, nor anything after it: after a reconnect the broker sends them again.
          if (mine !== generation) return;
          generation++;
          onCommitFailed();
        },
      ),
    );
    cb?.();
  };

  return {
    /** The commit this message's PUBACK waits for (register before calling mqtt.js's callback). */
    track(messageId: number | undefined, committed: Promise<unknown>): void {
      // QoS 0 has no PUBACK: nobody waits for the commit, and a failure was logged where it happened.
      if (messageId === undefined) void committed.catch(() => undefined);
      else commits.set(messageId, committed);
    },
  };
}
