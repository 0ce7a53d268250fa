import { z } from 'zod';
import { sentDateTime } from './datetime.ts';
import { decimal, decimalNumber } from './query.ts';

/** Kinds of notice a user chooses channels for; each notice kind (case.dispatch, area.new …) falls under one. */
export const NOTICE_TOPICS = ['task', 'progress', 'deadline', 'area', 'other'] as const;
export type NoticeTopic = (typeof NOTICE_TOPICS)[number];
export const NOTICE_TOPIC_LABELS: Record<NoticeTopic, string> = {
  task: '待办派单（派遣、返工、核查、结案、延期审批）',
  progress: '我反映问题的进展（受理、结案等）',
  deadline: '超时预警与督办（督办为紧急，不受免打扰限制）',
  area: '区域订阅（订阅网格/社区的新问题、已结案）',
  other: '其他通知',
};

/** Outside channels; in-app notices are always on. */
export const OUTSIDE_CHANNELS = ['email', 'sms'] as const;
export type OutsideChannel = (typeof OUTSIDE_CHANNELS)[number];
export const CHANNEL_LABELS: Record<'inapp' | 'email' | 'sms' | 'webhook', string> = {
  inapp: '站内',
  email: '电子邮件',
  sms: '短信',
  webhook: 'Webhook',
};

/** Events a webhook subscriber may receive. */
export const WEBHOOK_EVENT_KINDS = ['case.created', 'case.closed', 'case.supervise'] as const;
export const WEBHOOK_EVENT_LABELS: Record<(typeof WEBHOOK_EVENT_KINDS)[number], string> = {
  'case.created': '新上报问题',
  'case.closed': '问题结案',
  'case.supervise': '超时督办',
};

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间须为 HH:MM（24 小时制）');

export const preferencesBody = z.object({
  email: z.email('电子邮件地址格式不正确').max(200).nullable(),
  phone: z
    .string()
    .regex(/^1\d{10}$/, '手机号须为 11 位数字')
    .nullable(),
  quietEnabled: z.boolean(),
  quietStart: clock,
  quietEnd: clock,
  choices: z.array(z.object({ topic: z.enum(NOTICE_TOPICS), channel: z.enum(OUTSIDE_CHANNELS) })).max(20),
});
export type PreferencesBody = z.infer<typeof preferencesBody>;

export const preferencesResponse = z.object({
  data: preferencesBody.extend({
    /** Channels this server is configured for; the others are 未配置 and not offered. */
    available: z.array(z.enum(OUTSIDE_CHANNELS)),
  }),
});

export const areaSubscriptionBody = z.object({
  nodeId: z.number().int().positive(),
  onNew: z.boolean(),
  onClosed: z.boolean(),
});
const areaSubscription = z.object({
  id: z.number(),
  nodeId: z.number(),
  nodeName: z.string(),
  nodeLevel: z.string(),
  onNew: z.boolean(),
  onClosed: z.boolean(),
});
export const areaSubscriptionResponse = z.object({ data: areaSubscription });
export const areaSubscriptionListResponse = z.object({
  data: z.array(areaSubscription),
  /** The grids and communities this user may subscribe to. */
  choices: z.array(
    z.object({ id: z.number(), name: z.string(), level: z.string(), parentName: z.string().nullable() }),
  ),
});

export const webhookBody = z.object({
  name: z.string().trim().min(1, '请填写名称').max(60),
  url: z
    .url('URL 格式不正确')
    .max(500)
    .refine((u) => /^https?:\/\//.test(u), '只支持 http 或 https 地址'),
  kinds: z.array(z.enum(WEBHOOK_EVENT_KINDS)).min(1, '至少选择一种事件'),
  active: z.boolean().default(true),
});
const webhook = z.object({
  id: z.number(),
  name: z.string(),
  url: z.string(),
  kinds: z.array(z.string()),
  active: z.boolean(),
  createdAt: sentDateTime(),
});
export const webhookListResponse = z.object({ data: z.array(webhook) });
/** The secret is shown once, when the subscriber is created. */
export const webhookCreatedResponse = z.object({ data: webhook.extend({ secret: z.string() }) });
export const webhookResponse = z.object({ data: webhook });

export const deliveryStatusSchema = z.enum(['queued', 'deferred', 'sending', 'retrying', 'sent', 'dead']);
export const DELIVERY_STATUS_LABELS: Record<z.infer<typeof deliveryStatusSchema>, string> = {
  queued: '待发送',
  deferred: '免打扰顺延',
  sending: '发送中',
  retrying: '等待重试',
  sent: '已发送',
  dead: '失败（死信）',
};
export const deliveryListQuery = z.object({
  status: deliveryStatusSchema.optional(),
  channel: z.enum(['email', 'sms', 'webhook']).optional(),
  limit: decimal(decimalNumber().int().min(1).max(200)).default(50),
  beforeId: decimal(decimalNumber().int().positive()).optional(),
});
const delivery = z.object({
  id: z.number(),
  channel: z.string(),
  recipientMasked: z.string(),
  kind: z.string(),
  subject: z.string(),
  urgent: z.boolean(),
  status: deliveryStatusSchema,
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: sentDateTime().nullable(),
  sentAt: sentDateTime().nullable(),
  createdAt: sentDateTime(),
});
export const deliveryListResponse = z.object({ data: z.array(delivery) });
export const deliveryResponse = z.object({ data: delivery });
export type Delivery = z.input<typeof delivery>;
export type Webhook = z.input<typeof webhook>;
