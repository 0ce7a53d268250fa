import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** Where the embedded database, uploads and locks live. */
  dataDir: string;
  /** When set, a real PostgreSQL is used instead of the embedded one. */
  databaseUrl: string | null;
  /** Idle session lifetime in minutes. */
  sessionIdleMinutes: number;
  /** Password printed for every demo account on first start. */
  demoPassword: string;
  /** Serve the built web app from here (null: API only). */
  webDir: string | null;
  /** Secret for keyed hashes and column encryption (personal data). */
  dataKey: string;
  /** 易办事 terminal: seconds without a touch before the screen resets to its start (GH_KIOSK_IDLE_SECONDS). */
  kioskIdleSeconds: number;
  /** Mark cookies Secure (set when served over HTTPS, e.g. behind a TLS proxy). */
  secureCookies: boolean;
  /** Days after closing during which a reporter may reopen a case that was not fixed. */
  reopenWindowDays: number;
  /** Skip seeding the demo district (tests seed their own fixture). */
  seedDemo: boolean;
  /**
   * Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed. Empty: the
   * header is ignored and the client is the socket's peer, so nobody can pick their own address to
   * escape login throttling or fake the address in the audit log.
   */
  trustedProxies: string[];
  /** When set, GET /metrics needs `Authorization: Bearer <token>` (the scraper's secret). */
  metricsToken: string | null;
  /** SIGTERM: how long to wait for in-flight requests and the running job before exiting anyway. */
  shutdownSeconds: number;
  /**
   * A streaming replica of DATABASE_URL for the heavy reads (big screen, indicators, map layers,
   * exports); null: everything reads the primary.
   */
  databaseReadUrl: string | null;
  /** S3-compatible object storage for file bytes (GH_S3_BUCKET set); null: bytes stay in PostgreSQL. */
  s3: S3Settings | null;
  /** Channels that carry notices beyond the app (modules/notify); an unset channel is shown as 未配置. */
  notify: NotifySettings;
}

export interface NotifySettings {
  smtp: { host: string; port: number; user: string | null; pass: string | null; from: string; secure: boolean } | null;
  /** Alibaba Cloud SMS (SendSms, RPC signature v1): endpoint, AccessKey pair, sign name, template code. */
  sms: {
    endpoint: string;
    accessKeyId: string;
    accessKeySecret: string;
    signName: string;
    templateCode: string;
  } | null;
  webhookTimeoutMs: number;
  /** Attempts of one delivery (any channel) before it becomes a dead letter; waits double from `backoffSeconds`. */
  maxAttempts: number;
  backoffSeconds: number;
}

export interface S3Settings {
  bucket: string;
  endpoint: string | null;
  region: string;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  prefix: string;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`环境变量 ${name} 必须是非负整数，实际为 "${raw}"`);
  return value;
}

function readReplicaUrl(env: NodeJS.ProcessEnv): string | null {
  if (!env.DATABASE_READ_URL) return null;
  // A replica of the embedded database cannot exist: refuse rather than silently ignore it.
  if (!env.DATABASE_URL)
    throw new Error(
      '设置了 DATABASE_READ_URL（只读副本）但未设置 DATABASE_URL（主库）：只读副本只能配合真实 PostgreSQL 使用',
    );
  return env.DATABASE_READ_URL;
}

export const DEVELOPMENT_DATA_KEY = 'gridhive-development-key-change-me';

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Personal data encrypted with a key published in this repository is not protected at all.
  if (env.NODE_ENV === 'production' && (!env.GH_DATA_KEY || env.GH_DATA_KEY === DEVELOPMENT_DATA_KEY)) {
    throw new Error('生产环境（NODE_ENV=production）必须设置 GH_DATA_KEY（个人信息加密密钥），且不能使用开发用默认值');
  }
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  return {
    port: intFromEnv(env, 'PORT', 3000),
    kioskIdleSeconds: intFromEnv(env, 'GH_KIOSK_IDLE_SECONDS', 90),
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    sessionIdleMinutes: intFromEnv(env, 'SESSION_IDLE_MINUTES', 12 * 60),
    demoPassword: env.GH_DEMO_PASSWORD || 'gridhive2026',
    webDir: env.WEB_DIR === '' ? null : path.resolve(env.WEB_DIR || 'dist/web'),
    // A fixed development key keeps `npm start` zero-config; production must set GH_DATA_KEY.
    dataKey: env.GH_DATA_KEY || DEVELOPMENT_DATA_KEY,
    seedDemo: env.GH_SEED_DEMO !== '0',
    reopenWindowDays: intFromEnv(env, 'GH_REOPEN_DAYS', 7),
    secureCookies: env.GH_SECURE_COOKIES === '1',
    metricsToken: env.GH_METRICS_TOKEN || null,
    shutdownSeconds: intFromEnv(env, 'GH_SHUTDOWN_SECONDS', 30),
    databaseReadUrl: readReplicaUrl(env),
    trustedProxies: (env.GH_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    notify: readNotifySettings(env),
    s3: env.GH_S3_BUCKET
      ? {
          bucket: env.GH_S3_BUCKET,
          endpoint: env.GH_S3_ENDPOINT || null,
          region: env.GH_S3_REGION || 'us-east-1',
          // Unset: the AWS SDK's own chain (AWS_ACCESS_KEY_ID …, instance roles).
          accessKeyId: env.GH_S3_ACCESS_KEY_ID || null,
          secretAccessKey: env.GH_S3_SECRET_ACCESS_KEY || null,
          prefix: env.GH_S3_PREFIX ?? 'gridhive/',
        }
      : null,
  };
}

function readNotifySettings(env: NodeJS.ProcessEnv): NotifySettings {
  const sms = {
    endpoint: env.GH_SMS_ENDPOINT || 'https://dysmsapi.aliyuncs.com',
    accessKeyId: env.GH_SMS_ACCESS_KEY_ID ?? '',
    accessKeySecret: env.GH_SMS_ACCESS_KEY_SECRET ?? '',
    signName: env.GH_SMS_SIGN_NAME ?? '',
    templateCode: env.GH_SMS_TEMPLATE_CODE ?? '',
  };
  return {
    smtp: env.GH_SMTP_HOST
      ? {
          host: env.GH_SMTP_HOST,
          port: intFromEnv(env, 'GH_SMTP_PORT', 587),
          user: env.GH_SMTP_USER || null,
          pass: env.GH_SMTP_PASS || null,
          from: env.GH_SMTP_FROM || 'GridHive <noreply@localhost>',
          secure: env.GH_SMTP_SECURE === '1',
        }
      : null,
    sms: sms.accessKeyId && sms.accessKeySecret && sms.signName && sms.templateCode ? sms : null,
    webhookTimeoutMs: intFromEnv(env, 'GH_WEBHOOK_TIMEOUT_MS', 5000),
    maxAttempts: Math.max(1, intFromEnv(env, 'GH_NOTIFY_MAX_ATTEMPTS', 5)),
    backoffSeconds: intFromEnv(env, 'GH_NOTIFY_BACKOFF_SECONDS', 30),
  };
}
