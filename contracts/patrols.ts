import { z } from 'zod';
import { isoDateTime } from './datetime.ts';
import { decimal, decimalNumber } from './query.ts';

/** 联合巡查: planned → in progress (first check-in or the organiser starts it) → done, or cancelled before it ends. */
export const PATROL_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type PatrolStatus = (typeof PATROL_STATUSES)[number];
export const PATROL_STATUS_LABELS_ZH: Record<PatrolStatus, string> = {
  planned: '计划中',
  in_progress: '进行中',
  done: '已完成',
  cancelled: '已取消',
};
/** The organiser's status changes; check-ins start a planned patrol by themselves. */
export const patrolStatusAction = z.enum(['start', 'finish', 'cancel'], { error: '操作不正确' });
export type PatrolStatusAction = z.infer<typeof patrolStatusAction>;

const point = {
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
};
const pointPaired = <T extends { lng?: number; lat?: number }>(b: T) => (b.lng === undefined) === (b.lat === undefined);

export const patrolPlanBody = z
  .object({
    title: z.string().trim().min(2, '标题至少 2 个字').max(60, '标题不超过 60 个字'),
    /** The street or community the patrol covers; route grids lie under it. */
    scopeNodeId: z.number().int().positive(),
    startsAt: isoDateTime(),
    endsAt: isoDateTime(),
    memberUserIds: z.array(z.number().int().positive()).min(2, '联合巡查至少需要 2 名成员').max(30, '成员不超过 30 人'),
    /** Grid node ids in the order the patrol walks them. */
    routeGridIds: z.array(z.number().int().positive()).min(1, '请至少选择 1 个网格').max(40, '路线不超过 40 个网格'),
    note: z.string().trim().max(500, '说明不超过 500 字').optional(),
  })
  .refine((b) => b.endsAt > b.startsAt, { message: '结束时间须晚于开始时间', path: ['endsAt'] })
  .refine((b) => b.endsAt.getTime() - b.startsAt.getTime() <= 24 * 3_600_000, {
    message: '一次巡查不超过 24 小时',
    path: ['endsAt'],
  })
  .refine((b) => new Set(b.routeGridIds).size === b.routeGridIds.length, {
    message: '路线中网格不能重复',
    path: ['routeGridIds'],
  });
export type PatrolPlanInput = z.infer<typeof patrolPlanBody>;

export const patrolStatusBody = z.object({ action: patrolStatusAction });

export const checkInBody = z
  .object({ gridId: z.number().int().positive(), ...point })
  .refine(pointPaired, { message: '经度和纬度须同时填写', path: ['lat'] });

export const findingBody = z
  .object({
    gridId: z.number().int().positive(),
    categoryId: z.number().int().positive({ error: '请选择问题类别' }),
    description: z.string().trim().min(4, '问题描述至少 4 个字').max(1000, '问题描述不超过 1000 字'),
    photoIds: z.array(z.number().int().positive()).max(9).default([]),
    ...point,
  })
  .refine(pointPaired, { message: '经度和纬度须同时填写', path: ['lat'] });

export const patrolListQuery = z.object({
  /** `mine`: plans the user is a member of; `all`: every plan the user may see. */
  view: z.enum(['mine', 'all']).default('all'),
  status: z.enum(PATROL_STATUSES).optional(),
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(100)).default(20),
});

const member = z.object({
  userId: z.number(),
  displayName: z.string(),
  role: z.string(),
  /** The member's department (职能部门) or scope node name, to show who comes from where. */
  unit: z.string(),
});
const routeStop = z.object({
  gridId: z.number(),
  name: z.string(),
  position: z.number(),
  checkIns: z.number(),
  findings: z.number(),
});
const planSummary = z.object({
  id: z.number(),
  title: z.string(),
  scopeNodeId: z.number(),
  scopeName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(PATROL_STATUSES),
  organiserName: z.string(),
  members: z.number(),
  gridsPlanned: z.number(),
  gridsCovered: z.number(),
  findings: z.number(),
  /** Whether the signed-in user walks in it (check-in and findings). */
  isMember: z.boolean(),
  /** Whether the signed-in user may edit it or change its status. */
  mayManage: z.boolean(),
});
export type PatrolPlanSummary = z.infer<typeof planSummary>;

const checkInView = z.object({
  id: z.number(),
  gridId: z.number(),
  userId: z.number(),
  displayName: z.string(),
  at: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
});
const findingView = z.object({
  id: z.number(),
  gridId: z.number(),
  userId: z.number(),
  displayName: z.string(),
  categoryName: z.string(),
  description: z.string(),
  at: z.string(),
  caseId: z.number(),
  caseNo: z.string(),
  caseState: z.string(),
});
export type PatrolFindingView = z.infer<typeof findingView>;

const planDetail = planSummary.extend({
  note: z.string().nullable(),
  memberList: z.array(member),
  route: z.array(routeStop),
  checkIns: z.array(checkInView),
  findingList: z.array(findingView),
});
export type PatrolPlanDetail = z.infer<typeof planDetail>;

export const patrolListResponse = z.object({
  data: z.array(planSummary),
  page: z.object({ page: z.number(), pageSize: z.number(), total: z.number() }),
});
export const patrolDetailResponse = z.object({ data: planDetail });
export const checkInResponse = z.object({ data: checkInView });
export const findingResponse = z.object({ data: findingView });

export const patrolFiguresResponse = z.object({
  data: z.object({
    planId: z.number(),
    members: z.number(),
    departments: z.number(),
    gridsPlanned: z.number(),
    gridsCovered: z.number(),
    checkIns: z.number(),
    findings: z.number(),
    casesCreated: z.number(),
    casesClosed: z.number(),
    casesClosedOnTime: z.number(),
  }),
});
export type PatrolFigures = z.infer<typeof patrolFiguresResponse>['data'];

/** Who can be put on a plan over a scope, and the grids a route can take. */
export const patrolCandidatesQuery = z.object({ scopeNodeId: decimal(decimalNumber().int().positive()) });
export const patrolCandidatesResponse = z.object({
  data: z.object({
    members: z.array(member),
    grids: z.array(z.object({ id: z.number(), name: z.string(), communityName: z.string() })),
  }),
});
export type PatrolCandidates = z.infer<typeof patrolCandidatesResponse>['data'];
