import { z } from 'zod';
import { sentDateTime } from './datetime.ts';
import { pageInfo } from './org.ts';
import { decimal, decimalNumber } from './query.ts';

export const WISH_KIND_LABELS = { wish: '微心愿', project: '微项目', service_post: '服务岗位' } as const;
export const BENEFICIARY_LABELS = {
  elderly: '孤寡老人',
  left_behind_child: '留守儿童',
  disabled: '残疾人',
  low_income: '困难家庭',
  other: '其他',
} as const;

export const publishWishBody = z.object({
  kind: z.enum(['wish', 'project', 'service_post']).default('wish'),
  title: z.string().trim().min(2).max(60),
  description: z.string().trim().min(4).max(1000),
  budget: z.number().min(0).max(1_000_000).optional(),
  /** Staff above community level name the community; others publish in their own. */
  communityId: z.number().int().positive().optional(),
  beneficiary: z
    .object({
      category: z.enum(['elderly', 'left_behind_child', 'disabled', 'low_income', 'other']),
      name: z.string().trim().min(1).max(40).optional(),
    })
    .optional(),
  /** Days a claimant has to fulfil it before the claim is released. */
  claimDays: z.number().int().min(1).max(90).default(14),
});

export const wishTransitionBody = z.object({
  action: z.enum(['approve', 'reject', 'withdraw', 'claim', 'release', 'fulfil', 'confirm', 'return', 'thank']),
  version: z.number().int().positive(),
  reason: z.string().trim().min(1).max(300).optional(),
  photo: z.string().trim().min(1).max(500).optional(),
  note: z.string().trim().max(300).optional(),
});

export const wishListQuery = z.object({
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(100)).default(20),
  state: z
    .enum(['pending_review', 'open', 'claimed', 'fulfilled', 'confirmed', 'thanked', 'rejected', 'withdrawn'])
    .optional(),
  kind: z.enum(['wish', 'project', 'service_post']).optional(),
  /** 'board': the public board; 'mine': published or claimed by me; 'manage': my scope, every state. */
  view: z.enum(['board', 'mine', 'manage']).default('board'),
});

/** 派单: the community gives an open item to a party member, a volunteer team or a co-building unit. */
export const WISH_ASSIGNEE_LABELS = { member: '党员', team: '志愿服务队', co_unit: '共建单位' } as const;
export const wishAssigneeKindSchema = z.enum(['member', 'team', 'co_unit'], { message: '请选择派单对象类型' });
export const dispatchWishBody = z.object({
  version: z.number().int().positive(),
  assignee: z.object({
    kind: wishAssigneeKindSchema,
    id: z.number({ message: '请选择派单对象' }).int().positive('请选择派单对象'),
  }),
  /** Days the assignee has to fulfil it (the item's own claim period when absent). */
  claimDays: z.number().int('天数须为整数').min(1, '完成期限至少 1 天').max(90, '完成期限不超过 90 天').optional(),
  note: z.string().trim().max(300, '派单说明不超过 300 个字').optional(),
});

export const wishSchema = z.object({
  id: z.number(),
  kind: z.enum(['wish', 'project', 'service_post']),
  communityId: z.number(),
  communityName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  budget: z.number().nullable(),
  beneficiaryCategory: z.string().nullable(),
  beneficiaryName: z.string().nullable(),
  requesterUserId: z.number().nullable(),
  onBehalf: z.boolean(),
  state: z.string(),
  claimantName: z.string().nullable(),
  claimDueAt: z.string().nullable(),
  photo: z.string().nullable(),
  fulfilNote: z.string().nullable(),
  thanks: z.string().nullable(),
  /** Who the community dispatched it to (派单), when it was dispatched. */
  assignee: z.object({ kind: wishAssigneeKindSchema, id: z.number(), name: z.string() }).nullable(),
  version: z.number(),
  createdAt: z.string(),
  abilities: z.array(z.string()),
});
export type Wish = z.infer<typeof wishSchema>;
export const wishResponse = z.object({ data: wishSchema });

export const assigneeOptionSchema = z.object({
  id: z.number(),
  name: z.string(),
  detail: z.string(),
  dispatchable: z.boolean(),
});
export type AssigneeOption = z.infer<typeof assigneeOptionSchema>;
/** Who the item may be dispatched to, in its community; `dispatchable` is false for those without an account to receive it. */
export const dispatchOptionsResponse = z.object({
  data: z.object({
    member: z.array(assigneeOptionSchema),
    team: z.array(assigneeOptionSchema),
    co_unit: z.array(assigneeOptionSchema),
  }),
});
export type DispatchOptions = z.infer<typeof dispatchOptionsResponse>['data'];

export const wishListResponse = z.object({ data: z.array(wishSchema), page: pageInfo });
/** One step of a wish's history (发布、审核、认领、派单…). */
export const wishHistoryEntrySchema = z.object({
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  at: sentDateTime(),
  detail: z.record(z.string(), z.unknown()),
});
export const wishDetailResponse = z.object({
  data: wishSchema.extend({ history: z.array(wishHistoryEntrySchema) }),
  abilities: z.array(z.string()),
});
