import { z } from 'zod';
import { pageInfo } from './org.ts';
import { decimal, decimalNumber } from './query.ts';

/** 承诺践诺: the branch's check of its members' yearly commitments, and the figures per branch. */
export const COMMITMENT_STATE_LABELS = { published: '待评定', fulfilled: '已践诺', unfulfilled: '未践诺' } as const;
export const commitmentStateSchema = z.enum(['published', 'fulfilled', 'unfulfilled']);

const year = decimal(
  z.number({ message: '年份须为数字' }).int('年份须为整数').min(2000, '年份不早于 2000').max(2100, '年份不晚于 2100'),
);
export const commitmentBranchesQuery = z.object({
  year,
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(100)).default(20),
});
export const branchCommitmentsQuery = commitmentBranchesQuery.extend({ state: commitmentStateSchema.optional() });

export const commitmentFiguresSchema = z.object({
  members: z.number(),
  committed: z.number(),
  commitments: z.number(),
  fulfilled: z.number(),
  unfulfilled: z.number(),
  pending: z.number(),
  /** Fulfilled share of the commitments already checked (0–100, one decimal); null before any check. */
  fulfilRate: z.number().nullable(),
});
export type CommitmentFigures = z.infer<typeof commitmentFiguresSchema>;

export const branchFiguresSchema = commitmentFiguresSchema.extend({
  branchId: z.number(),
  branchName: z.string(),
  kind: z.string(),
});
export type BranchFigures = z.infer<typeof branchFiguresSchema>;
export const commitmentBranchesResponse = z.object({
  data: z.array(branchFiguresSchema),
  page: pageInfo,
  year: z.number(),
});

export const commitmentRowSchema = z.object({
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  year: z.number(),
  content: z.string(),
  state: commitmentStateSchema,
  note: z.string().nullable(),
  markedAt: z.string().nullable(),
  markedByName: z.string().nullable(),
});
export type CommitmentRow = z.infer<typeof commitmentRowSchema>;
export const branchCommitmentsResponse = z.object({
  data: z.array(commitmentRowSchema),
  page: pageInfo,
  figures: commitmentFiguresSchema,
  branch: z.object({ id: z.number(), name: z.string() }),
  /** 'mark': the viewer (the branch secretary, or party staff over it) may mark fulfilment. */
  abilities: z.array(z.enum(['mark'])),
});
export const markedCommitmentResponse = z.object({ data: commitmentRowSchema });
