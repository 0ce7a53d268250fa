import { z } from 'zod';
import { pageInfo } from './org.ts';
import { decimal, decimalNumber, textFlag } from './query.ts';

/**
 * Posts held at a governance node (岗位). The 六大员 of the red building leaders follow the seed
 * article (民情信息员、矛盾调解员 等“六大员”); the other four are the usual set of such posts.
 */
export const POST_KINDS = [
  'first_secretary',
  'estate_secretary',
  'branch_committee',
  'community_committee',
  'building_leader',
  'policy_promoter',
  'info_collector',
  'mediator',
  'safety_inspector',
  'civility_supervisor',
  'volunteer_organiser',
  'contact_leader',
] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const POST_KIND_LABELS: Record<PostKind, string> = {
  first_secretary: '第一书记',
  estate_secretary: '小区党支部书记',
  branch_committee: '支委委员',
  community_committee: '社区“两委”委员',
  building_leader: '楼栋长',
  policy_promoter: '政策宣传员',
  info_collector: '民情信息员',
  mediator: '矛盾调解员',
  safety_inspector: '安全巡查员',
  civility_supervisor: '文明督导员',
  volunteer_organiser: '志愿服务员',
  contact_leader: '领导联系点',
};
/** The six duties (六大员) a building leader may carry. */
export const SIX_OFFICERS: PostKind[] = [
  'policy_promoter',
  'info_collector',
  'mediator',
  'safety_inspector',
  'civility_supervisor',
  'volunteer_organiser',
];
export const postKindSchema = z.enum(POST_KINDS, { message: '请选择岗位' });

export const RESERVE_STATES = ['candidate', 'training', 'ready', 'appointed', 'withdrawn'] as const;
export type ReserveState = (typeof RESERVE_STATES)[number];
export const RESERVE_STATE_LABELS: Record<ReserveState, string> = {
  candidate: '入库考察',
  training: '培养锻炼',
  ready: '可堪使用',
  appointed: '已任用',
  withdrawn: '已出库',
};

export const FORCE_ROLES = ['police', 'market', 'enforcement', 'property', 'other'] as const;
export type ForceRole = (typeof FORCE_ROLES)[number];
export const FORCE_ROLE_LABELS: Record<ForceRole, string> = {
  police: '社区民警',
  market: '市场监管员',
  enforcement: '综合执法队员',
  property: '物业经理',
  other: '其他力量',
};

const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请输入手机号或带区号的固定电话');
const name = z.string().trim().min(2, '姓名至少 2 个字').max(20, '姓名不超过 20 字');
const unit = z.string().trim().min(2, '单位至少 2 个字').max(60, '单位不超过 60 字');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const cadreBody = z.object({
  name,
  gender: z.enum(['男', '女'], { message: '请选择性别' }),
  birthYear: z
    .number()
    .int()
    .min(1930, '出生年份不早于 1930')
    .max(2010, '出生年份不晚于 2010')
    .nullable()
    .default(null),
  phone: phone.nullable().default(null),
  partyMember: z.boolean().default(false),
  /** The organisation the person belongs to (a community, a department, a company). */
  unit,
  /** The node that keeps the record (a community or street in the manager's scope). */
  nodeId: z.number({ message: '请选择管理单位' }).int().positive(),
  /** True when the unit is outside the node's own organisation (a department, a company): posts at the node are cross-appointments. */
  external: z.boolean().default(false),
  note: z.string().trim().max(500, '备注不超过 500 字').default(''),
});
export type CadreBody = z.input<typeof cadreBody>;

export const cadreListQuery = z.object({
  q: z.string().trim().max(20).optional(),
  nodeId: decimal(decimalNumber().int().positive()).optional(),
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(100)).default(20),
});

export const postRowSchema = z.object({
  id: z.number(),
  kind: postKindSchema,
  title: z.string(),
  nodeId: z.number(),
  nodeName: z.string(),
  cadreId: z.number(),
  cadreName: z.string(),
  unit: z.string(),
  /** 交叉任职: the holder belongs to another organisation than the node's. */
  crossAppointment: z.boolean(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
});
export type PostRow = z.infer<typeof postRowSchema>;

export const cadreRowSchema = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string(),
  birthYear: z.number().nullable(),
  phoneMasked: z.string().nullable(),
  partyMember: z.boolean(),
  unit: z.string(),
  external: z.boolean(),
  nodeId: z.number(),
  nodeName: z.string(),
  note: z.string(),
  currentPosts: z.array(z.string()),
  reserveState: z.enum(RESERVE_STATES).nullable(),
});
export type CadreRow = z.infer<typeof cadreRowSchema>;
export const cadreListResponse = z.object({ data: z.array(cadreRowSchema), page: pageInfo });
export const cadreDetailResponse = z.object({
  data: cadreRowSchema.extend({ posts: z.array(postRowSchema), canManage: z.boolean() }),
});
export const savedResponse = z.object({ data: z.object({ id: z.number() }) });

export const appointBody = z.object({
  nodeId: z.number({ message: '请选择任职节点' }).int().positive(),
  cadreId: z.number({ message: '请选择人员' }).int().positive(),
  kind: postKindSchema,
  /** Free title for the post (e.g. 社区党委兼职委员); defaults to the kind's label. */
  title: z.string().trim().max(40, '职务名称不超过 40 字').default(''),
  startedOn: date,
});
export const endPostBody = z.object({ endedOn: date });

export const nodePostsQuery = z.object({
  nodeId: decimal(decimalNumber().int().positive()),
  history: textFlag().default(false),
});
export const nodePostsResponse = z.object({
  data: z.array(postRowSchema),
  node: z.object({ id: z.number(), name: z.string(), level: z.string() }),
  canManage: z.boolean(),
});

export const reserveBody = z.object({
  cadreId: z.number({ message: '请选择人员' }).int().positive(),
  /** The post the person is being prepared for. */
  targetKind: postKindSchema,
  state: z.enum(RESERVE_STATES, { message: '请选择状态' }).default('candidate'),
  note: z.string().trim().max(500, '备注不超过 500 字').default(''),
});
export const reserveUpdateBody = z.object({
  state: z.enum(RESERVE_STATES, { message: '请选择状态' }),
  note: z.string().trim().max(500, '备注不超过 500 字').default(''),
});
export const reserveRowSchema = z.object({
  id: z.number(),
  cadreId: z.number(),
  cadreName: z.string(),
  unit: z.string(),
  nodeName: z.string(),
  targetKind: postKindSchema,
  state: z.enum(RESERVE_STATES),
  note: z.string(),
  updatedAt: z.string(),
});
export const reserveListResponse = z.object({ data: z.array(reserveRowSchema) });

export const forceBody = z.object({
  gridId: z.number({ message: '请选择网格' }).int().positive(),
  role: z.enum(FORCE_ROLES, { message: '请选择力量类别' }),
  name,
  unit,
  phone,
});
export const forceRowSchema = z.object({
  id: z.number(),
  gridId: z.number(),
  role: z.enum(FORCE_ROLES),
  name: z.string(),
  unit: z.string(),
  phoneMasked: z.string(),
});
export type ForceRow = z.infer<typeof forceRowSchema>;
export const forcesQuery = z.object({ gridId: decimal(decimalNumber().int().positive()) });
export const forcesResponse = z.object({ data: z.array(forceRowSchema), canEdit: z.boolean() });
export const okResponse = z.object({ data: z.object({ ok: z.literal(true) }) });

/** What the grid card shows of this module: the grid's force roster and the posts held in the grid. */
export const gridPeopleSchema = z.object({
  forces: z.array(forceRowSchema),
  posts: z.array(z.object({ kind: postKindSchema, title: z.string(), name: z.string(), nodeName: z.string() })),
});
