import { z } from 'zod';
import { isoDateTime } from './datetime.ts';
import { decimal, decimalNumber } from './query.ts';

export const MEMBER_KIND_LABELS = {
  regular: '在册党员',
  in_service: '在职党员',
  retired: '离退休党员',
  floating: '流动党员',
} as const;
export const memberKindSchema = z.enum(['regular', 'in_service', 'retired', 'floating']);
export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const createMemberBody = z.object({
  name: z.string().trim().min(1).max(40),
  kind: memberKindSchema.default('regular'),
  duty: z.enum(['member', 'secretary']).default('member'),
  branchOrgId: z.number().int().positive(),
  userId: z.number().int().positive().optional(),
  homeNodeId: z.number().int().positive().optional(),
  workUnit: z.string().trim().max(80).optional(),
  /** When the work unit is a co-building unit (共建单位): its id; the unit then sees the member's community service. */
  coUnitId: z.number().int().positive().optional(),
});

/** 双报到: the member names the community where they live and (for in-service members) their work unit. */
export const registrationBody = z
  .object({
    communityId: z.number().int().positive(),
    kind: z.enum(['in_service', 'retired', 'floating']),
    workUnit: z.string().trim().max(80).optional(),
    /** The work unit, when it is a co-building unit (共建单位), by id: its name becomes the work unit. */
    coUnitId: z.number().int().positive().optional(),
    homeNodeId: z.number().int().positive().optional(),
  })
  .refine((b) => b.kind !== 'in_service' || Boolean(b.workUnit) || b.coUnitId !== undefined, {
    path: ['workUnit'],
    message: '在职党员须填写工作单位',
  })
  .refine((b) => b.kind === 'in_service' || b.coUnitId === undefined, {
    path: ['coUnitId'],
    message: '只有在职党员可选择共建单位作为工作单位',
  });

/** What a co-building unit sees of the members it sent: one year's community service. */
export const coUnitMembersQuery = z.object({
  year: decimal(decimalNumber().int().min(2000).max(2100)).optional(),
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(100)).default(50),
});

export const decideRegistrationBody = z.object({
  decision: z.enum(['confirm', 'reject']),
  version: z.number().int().positive(),
});
export const claimPostBody = z.object({ postId: z.number().int().positive() });
export const decidePostBody = z.object({ decision: z.enum(['approve', 'reject']) });

export const enterPointsBody = z.object({
  itemCode: z.string().min(1).max(40),
  occurredAt: isoDateTime(),
  evidence: z.string().trim().min(1, '须提供佐证材料').max(500),
  note: z.string().trim().max(200).optional(),
  /** Chosen by the client once per entry: a retried submission is recognised and credited once. */
  entryKey: z.uuid(),
});

export const commitmentBody = z.object({
  year: z.number().int().min(2000).max(2100),
  content: z.string().trim().min(4).max(300),
});
/** 承诺践诺: the branch marks a commitment fulfilled or not; "not" must say why. */
export const markCommitmentBody = z
  .object({
    state: z.enum(['fulfilled', 'unfulfilled'], { message: '请选择是否践诺' }),
    note: z.string().trim().max(200, '评定说明不超过 200 个字').optional(),
  })
  .refine((b) => b.state === 'fulfilled' || Boolean(b.note), { path: ['note'], message: '评定为未践诺时须填写说明' });
/** The activity record pages newest first by keyset: `before` is the last id of the previous page (its `page.next`). */
export const recordQuery = z.object({
  pageSize: decimal(decimalNumber().int().min(1).max(200)).default(50),
  before: decimal(decimalNumber().int().positive()).optional(),
});
export const monthQuery = z.object({ month: monthParam });
export const alertsQuery = z.object({ reminded: z.enum(['all', 'open']).default('open') });
export const stateQuery = z.object({ state: z.enum(['pending', 'confirmed', 'rejected']).default('pending') });

export const honorEntrySchema = z.object({
  memberId: z.number(),
  name: z.string(),
  points: z.number(),
  rank: z.number(),
});
export const honorListSchema = z.object({
  month: z.string(),
  scopeKind: z.enum(['branch', 'community']),
  scopeId: z.number(),
  members: z.number(),
  average: z.number(),
  red: z.array(honorEntrySchema),
  yellow: z.array(honorEntrySchema),
});
export type HonorList = z.infer<typeof honorListSchema>;

/** Where a service item's points come from: what the platform records by itself, or the branch's entry ('manual'). */
export const POINT_SOURCE_LABELS = {
  'case.accepted': '上报事件被受理',
  'wish.fulfilled': '完成微心愿',
  'volunteer.hour': '志愿服务（每小时）',
  'meeting.attended': '参加议事会议',
  'school.passed': '党校课程考试合格',
  manual: '支部登记（附佐证）',
} as const;
export const pointSourceSchema = z.enum(
  ['case.accepted', 'wish.fulfilled', 'volunteer.hour', 'meeting.attended', 'school.passed', 'manual'],
  { message: '请选择积分来源' },
);

export const serviceItemBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, '编码须以小写字母开头，由小写字母、数字或下划线组成（2–40 位）'),
  label: z.string().trim().min(2, '服务项目名称至少 2 个字').max(40, '服务项目名称不超过 40 个字'),
  sourceKind: pointSourceSchema,
  points: z.number({ message: '请填写分值' }).int('分值须为整数').min(1, '分值至少 1 分').max(100, '分值不超过 100 分'),
});

/** A community's post (设岗定责) with its points target per period and its quantified service items. */
export const postBody = z
  .object({
    name: z.string().trim().min(2, '岗位名称至少 2 个字').max(20, '岗位名称不超过 20 个字'),
    duties: z.string().trim().max(200, '岗位职责不超过 200 个字').default(''),
    period: z.enum(['month', 'quarter', 'year'], { message: '请选择考核周期' }),
    targetPoints: z
      .number({ message: '请填写目标积分' })
      .int('目标积分须为整数')
      .min(1, '目标积分至少 1 分')
      .max(1000, '目标积分不超过 1000 分'),
    items: z.array(serviceItemBody).min(1, '至少设置一个服务项目').max(20, '服务项目不超过 20 个'),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.items.forEach((item, i) => {
      if (seen.has(item.code))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: '同一岗位内服务项目编码不能重复' });
      seen.add(item.code);
    });
  });
