import { z } from 'zod';
import { decimal, decimalNumber } from './query.ts';

/** 包保联户: cadres, party members and staff each keep a set of households and visit them round by round. */

const dateOnly = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}须为 YYYY-MM-DD 格式的日期`);

export const communityQuery = z.object({ communityId: decimal(decimalNumber().int().positive()).optional() });

export const createRoundBody = z
  .object({
    communityId: z.number().int().positive(),
    no: z.number().int().min(1, '轮次须为正整数').max(99, '轮次不超过 99'),
    title: z.string().trim().min(2, '标题至少 2 个字').max(60, '标题不超过 60 个字'),
    startsOn: dateOnly('开始日期'),
    endsOn: dateOnly('结束日期'),
  })
  .refine((b) => b.startsOn <= b.endsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });

export const roundView = z.object({
  id: z.number(),
  communityId: z.number(),
  no: z.number(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type RoundView = z.infer<typeof roundView>;
export const roundListResponse = z.object({ data: z.array(roundView), abilities: z.array(z.string()) });
export const roundResponse = z.object({ data: roundView });

export const assignBody = z
  .object({
    contactUserId: z.number().int().positive(),
    /** Houses to give the contact; or every house of a building at once. */
    houseNodeIds: z.array(z.number().int().positive()).max(500).default([]),
    buildingNodeId: z.number().int().positive().optional(),
  })
  .refine((b) => b.houseNodeIds.length > 0 || b.buildingNodeId !== undefined, {
    message: '请选择房屋或楼栋',
    path: ['houseNodeIds'],
  });
export const assignResponse = z.object({ data: z.object({ assigned: z.number() }) });

export const candidateView = z.object({ id: z.number(), displayName: z.string(), role: z.string() });
export const candidateListResponse = z.object({ data: z.array(candidateView) });

export const myHouseholdsQuery = z.object({ roundId: decimal(decimalNumber().int().positive()).optional() });
export const householdView = z.object({
  houseNodeId: z.number(),
  address: z.string(),
  ownerName: z.string().nullable(),
  /** The visit of the chosen round, if any. */
  visitedOn: z.string().nullable(),
  lastVisitedOn: z.string().nullable(),
});
export type HouseholdView = z.infer<typeof householdView>;
export const myHouseholdsResponse = z.object({
  data: z.object({ round: roundView.nullable(), households: z.array(householdView) }),
});

export const opinionInput = z.object({
  text: z.string().trim().min(2, '意见内容至少 2 个字').max(500, '意见内容不超过 500 个字'),
  /** Turn this opinion into a case (source 入户走访), in the same transaction as the visit. */
  toCase: z.boolean().default(false),
  categoryId: z.number().int().positive().optional(),
});

export const recordVisitBody = z.object({
  roundId: z.number().int().positive(),
  houseNodeId: z.number().int().positive(),
  visitedOn: dateOnly('走访日期'),
  /** Who was met (the household member who spoke): recorded on a case as the reporter. */
  metName: z.string().trim().min(1, '请填写受访人').max(40, '受访人不超过 40 个字'),
  note: z.string().trim().max(1000, '走访情况不超过 1000 个字').default(''),
  opinions: z.array(opinionInput).max(20, '一次最多记录 20 条意见').default([]),
});

export const visitView = z.object({
  id: z.number(),
  roundId: z.number(),
  houseNodeId: z.number(),
  visitedOn: z.string(),
  metName: z.string(),
  note: z.string(),
  visitorName: z.string(),
  opinions: z.array(z.object({ id: z.number(), text: z.string(), caseId: z.number().nullable() })),
});
export const visitResponse = z.object({ data: visitView });
export const visitListResponse = z.object({ data: z.array(visitView) });

export const coverageRow = z.object({
  gridId: z.number().nullable(),
  gridName: z.string(),
  assigned: z.number(),
  visited: z.number(),
  /** visited / assigned in per cent, one decimal; 0 when nothing is assigned. */
  coveredPct: z.number(),
  opinions: z.number(),
  cases: z.number(),
});
export type CoverageRow = z.infer<typeof coverageRow>;
export const coverageResponse = z.object({
  data: z.object({ round: roundView, grids: z.array(coverageRow), total: coverageRow }),
});
