import { z } from 'zod';
import { commitmentStateSchema } from './party-commitments.ts';
import { decimal, decimalNumber } from './query.ts';

/** 党员户 on the 党群连心墙 and 一区两员, as residents see them: names, buildings and commitments only. */

export const communityQuery = z.object({ communityId: decimal(decimalNumber().int().positive()).optional() });

export const optInBody = z.object({ optIn: z.boolean() });
export const householdStatusResponse = z.object({
  data: z.object({ optedIn: z.boolean(), hasHome: z.boolean(), year: z.number() }),
});

const commitment = z.object({ content: z.string(), state: commitmentStateSchema });
export const wallEntry = z.object({ name: z.string(), building: z.string(), commitments: z.array(commitment) });
export type WallEntry = z.infer<typeof wallEntry>;
export const wallResponse = z.object({
  data: z.object({ community: z.string(), year: z.number(), households: z.array(wallEntry) }),
});

export const zoneView = z.object({
  id: z.number(),
  name: z.string(),
  buildings: z.array(z.object({ id: z.number(), name: z.string() })),
  responsibilityMember: z.object({ id: z.number(), name: z.string() }),
  serviceMember: z.object({ id: z.number(), name: z.string(), phone: z.string().nullable() }),
});
export type ZoneView = z.infer<typeof zoneView>;
export const zoneListResponse = z.object({ data: z.array(zoneView) });
export const myZoneResponse = z.object({
  data: zoneView.extend({ commitments: z.array(commitment) }).nullable(),
});

export const createZoneBody = z.object({
  communityId: z.number().int().positive(),
  name: z.string().trim().min(2, '责任区名称至少 2 个字').max(40, '责任区名称不超过 40 个字'),
  buildingNodeIds: z.array(z.number().int().positive()).min(1, '请选择至少一栋楼').max(200),
  responsibilityMemberId: z.number().int().positive(),
  serviceUserId: z.number().int().positive(),
});
export const zoneResponse = z.object({ data: zoneView });

export const zoneCandidatesResponse = z.object({
  data: z.object({
    members: z.array(z.object({ id: z.number(), name: z.string() })),
    staff: z.array(z.object({ id: z.number(), name: z.string() })),
    buildings: z.array(z.object({ id: z.number(), name: z.string(), zoneId: z.number().nullable() })),
  }),
});
