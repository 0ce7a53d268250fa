/**
 * Device alarm intake over MQTT. Off unless GH_MQTT_URL is set: a newcomer's `npm start` has no
 * broker. Several instances share one subscription group (`$share/<group>/…`), so the broker
 * hands each alarm to one instance; the unique (device, message id) index makes a redelivery
 * after a crash harmless.
 */
export interface DeviceIntakeConfig {
  url: string | null;
  topicPrefix: string;
  group: string;
  /** Alarms of one device within this many minutes of its open case join that case. */
  dedupeWindowMinutes: number;
  /** MQTT connections per instance. */
  consumers: number;
  /** Unacknowledged alarms per connection (MQTT 5 Receive Maximum): each PUBACK waits for its commit. */
  inflight: number;
}

export function readDeviceIntakeConfig(env: NodeJS.ProcessEnv = process.env): DeviceIntakeConfig {
  const windowRaw = env.GH_DEVICE_DEDUPE_MINUTES ?? '30';
  const dedupeWindowMinutes = Number(windowRaw);
  if (!Number.isInteger(dedupeWindowMinutes) || dedupeWindowMinutes < 1)
    throw new Error(`环境变量 GH_DEVICE_DEDUPE_MINUTES 必须是正整数，实际为 "${windowRaw}"`);
  const consumersRaw = env.GH_MQTT_CONSUMERS ?? '128';
  const consumers = Number(consumersRaw);
  if (!Number.isInteger(consumers) || consumers < 1 || consumers > 1000)
    throw new Error(`环境变量 GH_MQTT_CONSUMERS 必须是 1–1000 的整数，实际为 "${consumersRaw}"`);
  const inflightRaw = env.GH_MQTT_INFLIGHT ?? '20';
  const inflight = Number(inflightRaw);
  if (!Number.isInteger(inflight) || inflight < 1 || inflight > 1000)
    throw new Error(`环境变量 GH_MQTT_INFLIGHT 必须是 1–1000 的整数，实际为 "${inflightRaw}"`);
  const topicPrefix = env.GH_MQTT_TOPIC_PREFIX || 'gridhive';
  if (/[#+]/.test(topicPrefix)) throw new Error('环境变量 GH_MQTT_TOPIC_PREFIX 不能含通配符 # 或 +');
  return {
    url: env.GH_MQTT_URL || null,
    topicPrefix,
    group: env.GH_MQTT_GROUP || 'gridhive',
    dedupeWindowMinutes,
    consumers,
    inflight,
  };
}

export function alarmTopicFilter(config: DeviceIntakeConfig): string {
  return `$share/${config.group}/${config.topicPrefix}/devices/+/alarm`;
}

/** The device code from a topic `<prefix>/devices/<code>/alarm`, or null for anything else. */
export function deviceCodeOfTopic(config: DeviceIntakeConfig, topic: string): string | null {
  const head = `${config.topicPrefix}/devices/`;
  if (!topic.startsWith(head) || !topic.endsWith('/alarm')) return null;
  const code = topic.slice(head.length, -'/alarm'.length);
  return /^[A-Za-z0-9_-]{4,40}$/.test(code) ? code : null;
}
