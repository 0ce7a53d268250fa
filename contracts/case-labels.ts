// Chinese labels of the case loop, shared by the server (messages, lists) and the web app (tags,
// buttons, dialogs). Plain data without zod, so the web bundle can import it as it is.
import type { z } from 'zod';
import type { caseActionSchema, caseSourceSchema, caseStateSchema, dispatchLevelSchema } from './cases.ts';

type CaseState = z.infer<typeof caseStateSchema>;
type CaseAction = z.infer<typeof caseActionSchema>;
type CaseSource = z.infer<typeof caseSourceSchema>;
type DispatchLevel = z.infer<typeof dispatchLevelSchema>;

export const STATE_LABELS_ZH: Record<CaseState, string> = {
  reported: '上报',
  accepted: '已立案',
  rejected: '不予立案',
  merged: '已合并',
  dispatched: '已派遣',
  signed: '已签收',
  extension_requested: '申请延期',
  handled: '已处置',
  verified: '已核查',
  closed: '已结案',
  rated: '已评价',
  parked: '挂账',
  on_agenda: '上会议事',
};

export const ACTION_LABELS_ZH: Record<CaseAction, string> = {
  accept: '立案',
  reject: '不予立案',
  merge: '合并',
  dispatch: '派遣',
  sign: '签收',
  return: '退回',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  refuse_extension: '驳回延期',
  handle: '处置反馈',
  verify: '核查',
  rework: '返工',
  close: '结案',
  rate: '评价',
  revisit: '电话回访',
  reopen: '重新办理',
  park: '挂账',
  unpark: '解除挂账',
  put_on_agenda: '提交上会',
  resolve_agenda: '议定回流',
};

/** Payload fields an action cannot do without; the server's TRANSITIONS table checks the same. */
export type TransitionField = 'reason' | 'note' | 'score' | 'targetCaseId' | 'feedback' | 'minutes';

export const ACTION_REQUIRES: Record<CaseAction, readonly TransitionField[]> = {
  accept: [],
  reject: ['reason'],
  merge: ['targetCaseId'],
  dispatch: [],
  sign: [],
  return: ['reason'],
  request_extension: ['reason', 'minutes'],
  approve_extension: ['minutes'],
  refuse_extension: [],
  handle: ['feedback'],
  verify: [],
  rework: ['reason'],
  close: [],
  rate: ['score'],
  revisit: ['score'],
  reopen: ['reason'],
  park: ['reason'],
  unpark: [],
  put_on_agenda: [],
  resolve_agenda: ['note'],
};

export const FIELD_LABELS_ZH: Record<TransitionField, string> = {
  reason: '原因',
  note: '备注',
  score: '评分',
  targetCaseId: '合并目标案件',
  feedback: '处置反馈',
  minutes: '延期时长',
};

export const SOURCE_LABELS_ZH: Record<CaseSource, string> = {
  resident: '居民上报',
  patrol: '网格巡查',
  building_leader: '楼栋长上报',
  volunteer: '志愿者随手拍',
  window: '民意窗口',
  visit: '入户走访',
  hotline: '热线转办',
  open311: '外部接口',
  device: '设备告警',
  joint_patrol: '联合巡查',
  kiosk: '自助终端',
};

export const DISPATCH_LEVEL_LABELS_ZH: Record<DispatchLevel, string> = {
  grid: '网格内处置',
  community: '社区处置',
  street: '街道处置',
  department: '吹哨职能部门',
};
