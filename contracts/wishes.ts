import { z } from 'zod';

export const WISH_KIND_LABELS = { wish: '微心愿', project: '微项目', service_post: '服务岗位' } as const;
export const BENEFICIARY_LABELS = { elderly: '孤寡老人', left_behind_child: '留守儿童', disabled: '残疾人', low_income: '困难家庭', other: '其他' } as const;

export const publishWishBody = z.object({
  kind: z.enum(['wish', 'project', 'service_post']).default('wish'),
  title: z.string().trim().min(2).max(60),
  description: z.string().trim().min(4).max(1000),
  budget: z.number().min(0).max(1_000_000).optional(),
  /** Staff above community level name the community; others publish in their own. */
  communityId: z.number().int().positive().optional(),
  beneficiary: z.object({ category: z.enum(['elderly', 'left_behind_child', 'disabled', 'low_income', 'other']), name: z.string().trim().min(1).max(40).optional() }).optional(),
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
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  state: z.enum(['pending_review', 'open', 'claimed', 'fulfilled', 'confirmed', 'thanked', 'rejected', 'withdrawn']).optional(),
  kind: z.enum(['wish', 'project', 'service_post']).optional(),
  /** 'board': the public board; 'mine': published or claimed by me; 'manage': my scope, every state. */
  view: z.enum(['board', 'mine', 'manage']).default('board'),
});
