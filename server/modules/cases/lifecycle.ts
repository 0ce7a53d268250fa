// The case closed loop (民意诉求闭环) as data: routes, commands and the web app's buttons all read
// this one table, so a rule is never checked in two places.

export const CASE_STATES = [
  'reported', 'accepted', 'rejected', 'merged', 'dispatched', 'signed', 'extension_requested',
  'handled', 'verified', 'closed', 'rated', 'parked', 'on_agenda',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = [
  'accept', 'reject', 'merge', 'dispatch', 'sign', 'return', 'request_extension', 'approve_extension',
  'refuse_extension', 'handle', 'verify', 'rework', 'close', 'rate', 'reopen', 'park', 'unpark',
  'put_on_agenda', 'resolve_agenda',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Payload fields an action cannot do without (checked by the command's zod schema). */
export type TransitionField = 'reason' | 'note' | 'score' | 'targetCaseId' | 'feedback' | 'minutes';

export interface Transition {
  readonly from: readonly CaseState[];
  readonly to: CaseState;
  readonly requires: readonly TransitionField[];
}

export const TRANSITIONS = {
  accept: { from: ['reported'], to: 'accepted', requires: [] },
  reject: { from: ['reported'], to: 'rejected', requires: ['reason'] },
  merge: { from: ['reported'], to: 'merged', requires: ['targetCaseId'] },
  // A meeting (上会议事) ends by dispatching what it decided; returned cases are dispatched again.
  dispatch: { from: ['accepted', 'on_agenda'], to: 'dispatched', requires: [] },
  sign: { from: ['dispatched'], to: 'signed', requires: [] },
  // "Not ours" (退回): back to the dispatcher, who must know why to re-route it.
  return: { from: ['dispatched', 'signed'], to: 'accepted', requires: ['reason'] },
  request_extension: { from: ['signed'], to: 'extension_requested', requires: ['reason', 'minutes'] },
  // minutes = the working minutes granted, which may differ from those requested.
  approve_extension: { from: ['extension_requested'], to: 'signed', requires: ['minutes'] },
  refuse_extension: { from: ['extension_requested'], to: 'signed', requires: [] },
  handle: { from: ['signed'], to: 'handled', requires: ['feedback'] },
  verify: { from: ['handled'], to: 'verified', requires: [] },
  rework: { from: ['handled'], to: 'signed', requires: ['reason'] },
  close: { from: ['verified'], to: 'closed', requires: [] },
  rate: { from: ['closed'], to: 'rated', requires: ['score'] },
  // Who may reopen and until when is checked by assertReopenAllowed, not by the table.
  reopen: { from: ['closed', 'rated'], to: 'accepted', requires: ['reason'] },
  park: { from: ['accepted', 'dispatched', 'signed'], to: 'parked', requires: ['reason'] },
  unpark: { from: ['parked'], to: 'accepted', requires: [] },
  put_on_agenda: { from: ['accepted'], to: 'on_agenda', requires: [] },
  /** The meeting's resolution sends the case back to its loop, ready for dispatch. */
  resolve_agenda: { from: ['on_agenda'], to: 'accepted', requires: ['note'] },
} as const satisfies Record<CaseAction, Transition>;

export const STATE_LABELS_ZH: Record<CaseState, string> = {
  reported: '上报', accepted: '已立案', rejected: '不予立案', merged: '已合并', dispatched: '已派遣',
  signed: '已签收', extension_requested: '申请延期', handled: '已处置', verified: '已核查',
  closed: '已结案', rated: '已评价', parked: '挂账', on_agenda: '上会议事',
};

export const ACTION_LABELS_ZH: Record<CaseAction, string> = {
  accept: '立案', reject: '不予立案', merge: '合并', dispatch: '派遣', sign: '签收', return: '退回',
  request_extension: '申请延期', approve_extension: '批准延期', refuse_extension: '驳回延期',
  handle: '处置反馈', verify: '核查', rework: '返工', close: '结案', rate: '评价', reopen: '重新办理',
  park: '挂账', unpark: '解除挂账', put_on_agenda: '提交上会', resolve_agenda: '议定回流',
};

export const FIELD_LABELS_ZH: Record<TransitionField, string> = {
  reason: '原因', note: '备注', score: '评分', targetCaseId: '合并目标案件', feedback: '处置反馈', minutes: '延期时长',
};

export type TransitionErrorCode = 'CASE_INVALID_TRANSITION' | 'CASE_REOPEN_NOT_REPORTER' | 'CASE_REOPEN_WINDOW_CLOSED';

/** Refused state change; `code` is stable for contracts/, `message` is shown to users. */
export class TransitionError extends Error {
  override readonly name = 'TransitionError';
  readonly code: TransitionErrorCode;
  readonly state: CaseState;
  readonly action: CaseAction;
  constructor(code: TransitionErrorCode, message: string, state: CaseState, action: CaseAction) {
    super(message);
    this.code = code;
    this.state = state;
    this.action = action;
  }
}

function allows(state: CaseState, action: CaseAction): boolean {
  return (TRANSITIONS[action].from as readonly CaseState[]).includes(state);
}

/** Throws `CASE_INVALID_TRANSITION` unless `action` may be taken in `state`. */
export function assertTransition(state: CaseState, action: CaseAction): void {
  if (allows(state, action)) return;
  const message = `当前状态"${STATE_LABELS_ZH[state]}"不能执行"${ACTION_LABELS_ZH[action]}"`;
  throw new TransitionError('CASE_INVALID_TRANSITION', message, state, action);
}

/** The state after `action`; throws like assertTransition when the action is not allowed. */
export function nextState(state: CaseState, action: CaseAction): CaseState {
  assertTransition(state, action);
  return TRANSITIONS[action].to;
}

/** Actions the table allows in `state`, in CASE_ACTIONS order (role checks come on top). */
export function availableActions(state: CaseState): CaseAction[] {
  return CASE_ACTIONS.filter((action) => allows(state, action));
}

const FINAL_STATES: readonly CaseState[] = ['closed', 'rated', 'rejected', 'merged'];

/** Open cases still need work; parked and on-agenda cases count as open. */
export function isOpen(state: CaseState): boolean {
  return !FINAL_STATES.includes(state);
}

export function requiredFields(action: CaseAction): readonly TransitionField[] {
  return TRANSITIONS[action].requires;
}

export interface ReopenContext {
  state: CaseState;
  actorId: string;
  reporterId: string | null;
  closedAt: Date;
  now: Date;
  /** Configurable, e.g. 7 days; reckoned in elapsed time, not working time. */
  windowMs: number;
}

/** Reopening is the reporter's remedy for a bad fix, so only they may, and only for a while. */
export function assertReopenAllowed(ctx: ReopenContext): void {
  assertTransition(ctx.state, 'reopen');
  if (ctx.reporterId === null || ctx.actorId !== ctx.reporterId) {
    throw new TransitionError('CASE_REOPEN_NOT_REPORTER', '只有上报人可以申请重新办理', ctx.state, 'reopen');
  }
  if (ctx.now.getTime() - ctx.closedAt.getTime() > ctx.windowMs) {
    throw new TransitionError('CASE_REOPEN_WINDOW_CLOSED', '已超过可重新办理的期限', ctx.state, 'reopen');
  }
}
