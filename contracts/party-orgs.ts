import { z } from 'zod';
import { pageInfo } from './org.ts';
import { decimal, decimalNumber } from './query.ts';

export * from './party-org-labels.ts';

/** The party organisation tree (党工委 → 社区联合党委 → 网格党支部 → 党小组) and co-building (共建). */
export const partyOrgKindSchema = z.enum(
  ['working_committee', 'joint_committee', 'grid_branch', 'building_group', 'functional_group'],
  { message: '请选择党组织类型' },
);
export type PartyOrgKind = z.infer<typeof partyOrgKindSchema>;

export const coUnitTypeSchema = z.enum(['government', 'enterprise', 'social_org', 'public_institution'], {
  message: '请选择单位类型',
});

export const pairingRelationSchema = z.enum(['member', 'base', 'pair'], { message: '请选择结对方式' });

const orgName = z
  .string({ message: '请填写组织名称' })
  .trim()
  .min(2, '组织名称至少 2 个字')
  .max(60, '组织名称不超过 60 个字');
const personName = z.string().trim().min(1, '请填写书记（组长）姓名').max(40, '姓名不超过 40 个字');

export const partyOrgListQuery = z.object({
  /** Children of this organisation; without it, the top organisations of the viewer's scope. */
  parentId: decimal(decimalNumber().int().positive()).optional(),
  retired: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const createPartyOrgBody = z.object({
  /** Absent only for a street's working committee (党工委), the top of a street's tree. */
  parentId: z.number().int().positive().optional(),
  kind: partyOrgKindSchema,
  name: orgName,
  /** The governance node it is built on: street, community, grid or building by kind; none for a functional group. */
  nodeId: z.number().int().positive().optional(),
  secretaryName: personName.optional(),
});

export const updatePartyOrgBody = z
  .object({ name: orgName.optional(), secretaryName: personName.nullable().optional() })
  .refine((b) => b.name !== undefined || b.secretaryName !== undefined, {
    path: ['name'],
    message: '请填写要修改的内容',
  });

export const createCoUnitBody = z.object({
  name: z.string({ message: '请填写单位名称' }).trim().min(2, '单位名称至少 2 个字').max(60, '单位名称不超过 60 个字'),
  type: coUnitTypeSchema,
  address: z.string().trim().max(120, '地址不超过 120 个字').optional(),
  contactName: z.string().trim().max(40, '联系人姓名不超过 40 个字').optional(),
});

export const createPairingBody = z.object({
  coUnitId: z.number({ message: '请选择共建单位' }).int().positive(),
  /** Defaults by the organisation: 'member' for a joint committee, 'pair' for a grid branch. */
  relation: pairingRelationSchema.optional(),
  agreement: z.string().trim().max(200, '共建协议不超过 200 个字').optional(),
  signedOn: z.iso.date({ message: '签约日期格式应为 YYYY-MM-DD' }).optional(),
});

export const partyOrgSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  kind: partyOrgKindSchema,
  name: z.string(),
  nodeId: z.number().nullable(),
  nodeName: z.string().nullable(),
  secretaryName: z.string().nullable(),
  retiredAt: z.string().nullable(),
  /** Active sub-organisations and active members (members only for branches and joint committees). */
  childCount: z.number(),
  memberCount: z.number(),
});
export type PartyOrg = z.infer<typeof partyOrgSchema>;

export const pairingSchema = z.object({
  id: z.number(),
  coUnitId: z.number(),
  coUnitName: z.string(),
  coUnitType: coUnitTypeSchema,
  relation: pairingRelationSchema,
  agreement: z.string().nullable(),
  signedOn: z.string().nullable(),
});
export type Pairing = z.infer<typeof pairingSchema>;

/** 设岗定责: the community's posts and how many of this organisation's members hold each. */
export const orgPostSchema = z.object({
  id: z.number(),
  name: z.string(),
  duties: z.string(),
  period: z.enum(['month', 'quarter', 'year']),
  targetPoints: z.number(),
  holders: z.number(),
});
export type OrgPost = z.infer<typeof orgPostSchema>;

export const partyOrgDetailSchema = partyOrgSchema.extend({
  parentName: z.string().nullable(),
  pairings: z.array(pairingSchema),
  posts: z.array(orgPostSchema),
  /** 'manage': rename, retire, add sub-organisations and pairings. */
  abilities: z.array(z.enum(['manage'])),
  /** Kinds of sub-organisation that may be created under it. */
  childKinds: z.array(partyOrgKindSchema),
});
export type PartyOrgDetail = z.infer<typeof partyOrgDetailSchema>;

export const orgMemberSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['regular', 'in_service', 'retired', 'floating']),
  duty: z.enum(['member', 'secretary']),
  posts: z.array(z.string()),
});
export type OrgMember = z.infer<typeof orgMemberSchema>;

export const nodeOptionSchema = z.object({ id: z.number(), name: z.string(), level: z.string() });
export type NodeOption = z.infer<typeof nodeOptionSchema>;

export const coUnitSchema = z.object({
  id: z.number(),
  name: z.string(),
  type: coUnitTypeSchema,
  address: z.string().nullable(),
  contactName: z.string().nullable(),
});
export type CoUnit = z.infer<typeof coUnitSchema>;

export const partyOrgListResponse = z.object({ data: z.array(partyOrgSchema) });
export const partyOrgResponse = z.object({ data: partyOrgSchema });
export const partyOrgDetailResponse = z.object({ data: partyOrgDetailSchema });
export const orgMembersResponse = z.object({
  data: z.array(orgMemberSchema),
  page: pageInfo,
  note: z.string().nullable(),
});
export const nodeOptionsResponse = z.object({ data: z.array(nodeOptionSchema) });
export const coUnitResponse = z.object({ data: coUnitSchema });
export const coUnitListResponse = z.object({ data: z.array(coUnitSchema) });
export const pairingResponse = z.object({ data: pairingSchema });
export const childKindQuery = z.object({ kind: partyOrgKindSchema });
