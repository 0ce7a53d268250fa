import {
  ACTION_LABELS_ZH,
  FIELD_LABELS_ZH,
  STATE_LABELS_ZH,
  type TransitionField,
} from '../../../contracts/case-labels.ts';
import { caseActionSchema, caseStateSchema } from '../../../contracts/cases.ts';

// Labels and required fields live in contracts/ so the web app shows the same words; re-exported here for the server.
export { ACTION_LABELS_ZH, FIELD_LABELS_ZH, STATE_LABELS_ZH, type TransitionField };
// The case closed loop (民意诉求闭环) as data: routes, commands and the web app's buttons all read
// this one table, so a rule is never checked in two places.

// The lists themselves are the contract's enums (contracts/cases.ts), shared with the web app.
export const CASE_STATES = caseStateSchema.options;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = caseActionSchema.options;
export type CaseAction = (typeof CASE_ACTIONS)[number];

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
  // 回访: staff phone a reporter who has no account to rate with; the answer counts like a rating.
  revisit: { from: ['closed'], to: 'rated', requires: ['score'] },
  // Who may reopen and until when is checked by assertReopenAllowed, not by the table.
  reopen: { from: ['closed', 'rated'], to: 'accepted', requires: ['reason'] },
  park: { from: ['accepted', 'dispatched', 'signed'], to: 'parked', requires: ['reason'] },
  unpark: { from: ['parked'], to: 'accepted', requires: [] },
  put_on_agenda: { from: ['accepted'], to: 'on_agenda', requires: [] },
  /** The meeting's resolution sends the case back to its loop, ready for dispatch. */
  resolve_agenda: { from: ['on_agenda'], to: 'accepted', requires: ['note'] },
} as const satisfies Record<CaseAction, Transition>;

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
