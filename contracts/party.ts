import { z } from 'zod';

export const MEMBER_KIND_LABELS = { regular: '在册党员', in_service: '在职党员', retired: '离退休党员', floating: '流动党员' } as const;
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
});

/** 双报到: the member names the community where they live and (for in-service members) their work unit. */
export const registrationBody = z.object({
  communityId: z.number().int().positive(),
  kind: z.enum(['in_service', 'retired', 'floating']),
  workUnit: z.string().trim().max(80).optional(),
  homeNodeId: z.number().int().positive().optional(),
}).refine((b) => b.kind !== 'in_service' || Boolean(b.workUnit), { path: ['workUnit'], message: '在职党员须填写工作单位' });

export const decideRegistrationBody = z.object({ decision: z.enum(['confirm', 'reject']), version: z.number().int().positive() });
export const claimPostBody = z.object({ postId: z.number().int().positive() });
export const decidePostBody = z.object({ decision: z.enum(['approve', 'reject']) });

export const enterPointsBody = z.object({
  itemCode: z.string().min(1).max(40),
  occurredAt: z.coerce.date(),
  evidence: z.string().trim().min(1, '须提供佐证材料').max(500),
  note: z.string().trim().max(200).optional(),
  /** Chosen by the client once per entry: a retried submission is recognised and credited once. */
  entryKey: z.uuid(),
});

export const commitmentBody = z.object({ year: z.number().int().min(2000).max(2100), content: z.string().trim().min(4).max(300) });
export const markCommitmentBody = z.object({ state: z.enum(['fulfilled', 'unfulfilled']), note: z.string().trim().max(200).optional() });
export const monthQuery = z.object({ month: monthParam });
export const alertsQuery = z.object({ reminded: z.enum(['all', 'open']).default('open') });
export const stateQuery = z.object({ state: z.enum(['pending', 'confirmed', 'rejected']).default('pending') });

export const honorEntrySchema = z.object({ memberId: z.number(), name: z.string(), points: z.number(), rank: z.number() });
export const honorListSchema = z.object({
  month: z.string(), scopeKind: z.enum(['branch', 'community']), scopeId: z.number(), members: z.number(), average: z.number(),
  red: z.array(honorEntrySchema), yellow: z.array(honorEntrySchema),
});
export type HonorList = z.infer<typeof honorListSchema>;
