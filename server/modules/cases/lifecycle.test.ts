import { describe, expect, it } from 'vitest';
import {
  ACTION_LABELS_ZH,
  CASE_ACTIONS,
  CASE_STATES,
  STATE_LABELS_ZH,
  TRANSITIONS,
  TransitionError,
  assertReopenAllowed,
  assertTransition,
  availableActions,
  isOpen,
  nextState,
  requiredFields,
  type CaseAction,
  type CaseState,
} from './lifecycle.ts';

const allowed = CASE_ACTIONS.flatMap((action) =>
  TRANSITIONS[action].from.map((from) => [from, action, TRANSITIONS[action].to] as const),
);
const forbidden = CASE_STATES.flatMap((state) =>
  CASE_ACTIONS.filter((action) => !(TRANSITIONS[action].from as readonly CaseState[]).includes(state)).map(
    (action) => [state, action] as const,
  ),
);

describe('the transition table', () => {
  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(() => assertTransition(from, action)).not.toThrow();
    expect(nextState(from, action)).toBe(to);
    expect(availableActions(from)).toContain(action);
  });

  it.each(forbidden)('refuses %s --%s-->', (state, action) => {
    expect(() => nextState(state, action)).toThrow(TransitionError);
    expect(availableActions(state)).not.toContain(action);
    const message = `当前状态"${STATE_LABELS_ZH[state]}"不能执行"${ACTION_LABELS_ZH[action]}"`;
    expect(() => assertTransition(state, action)).toThrow(
      expect.objectContaining({ code: 'CASE_INVALID_TRANSITION', state, action, message }),
    );
  });

  it('covers every pair exactly once between the two lists', () => {
    expect(allowed.length + forbidden.length).toBe(CASE_STATES.length * CASE_ACTIONS.length);
  });

  it('names the example from the brief', () => {
    expect(() => assertTransition('closed', 'dispatch')).toThrow('当前状态"已结案"不能执行"派遣"');
  });

  it('reaches every state, and leaves every state except the final ones', () => {
    const reached = new Set(allowed.map(([, , to]) => to));
    expect(CASE_STATES.filter((s) => s !== 'reported' && !reached.has(s))).toEqual([]);
    const stuck = CASE_STATES.filter((s) => availableActions(s).length === 0);
    expect(stuck.sort()).toEqual(['merged', 'rejected']);
  });

  it('follows the main loop from report to rating', () => {
    const path: CaseAction[] = ['accept', 'dispatch', 'sign', 'handle', 'verify', 'close', 'rate'];
    expect(path.reduce<CaseState>((state, action) => nextState(state, action), 'reported')).toBe('rated');
  });

  it('lets a returned case be dispatched again, and a meeting dispatch its decision', () => {
    expect(nextState(nextState('dispatched', 'return'), 'dispatch')).toBe('dispatched');
    expect(nextState(nextState('accepted', 'put_on_agenda'), 'dispatch')).toBe('dispatched');
  });
});

describe('labels and open states', () => {
  it('has a Chinese label for every state and action', () => {
    for (const s of CASE_STATES) expect(STATE_LABELS_ZH[s]).toMatch(/\p{Script=Han}/u);
    for (const a of CASE_ACTIONS) expect(ACTION_LABELS_ZH[a]).toMatch(/\p{Script=Han}/u);
  });

  it.each(CASE_STATES.map((s) => [s, !['closed', 'rated', 'rejected', 'merged'].includes(s)] as const))(
    'isOpen(%s) is %s',
    (state, open) => expect(isOpen(state)).toBe(open),
  );
});

describe('requiredFields', () => {
  it.each([
    ['accept', []],
    ['reject', ['reason']],
    ['merge', ['targetCaseId']],
    ['dispatch', []],
    ['return', ['reason']],
    ['request_extension', ['reason', 'minutes']],
    ['approve_extension', ['minutes']],
    ['refuse_extension', []],
    ['handle', ['feedback']],
    ['rework', ['reason']],
    ['rate', ['score']],
    ['reopen', ['reason']],
    ['park', ['reason']],
    ['unpark', []],
  ] as const)('%s requires %j', (action, fields) => {
    expect(requiredFields(action)).toEqual(fields);
  });
});

describe('assertReopenAllowed', () => {
  const closedAt = new Date('2026-03-09T10:00:00+08:00');
  const week = 7 * 86_400_000;
  const base = { state: 'closed' as CaseState, actorId: 'u1', reporterId: 'u1', closedAt, windowMs: week };

  it('lets the reporter reopen within the window, from closed or rated', () => {
    const now = new Date(closedAt.getTime() + week);
    expect(() => assertReopenAllowed({ ...base, now })).not.toThrow();
    expect(() => assertReopenAllowed({ ...base, state: 'rated', now })).not.toThrow();
  });

  it.each([
    ['someone else', { actorId: 'u2' }, 'CASE_REOPEN_NOT_REPORTER'],
    ['a case without a known reporter', { reporterId: null }, 'CASE_REOPEN_NOT_REPORTER'],
    ['after the window', { now: new Date(closedAt.getTime() + week + 1) }, 'CASE_REOPEN_WINDOW_CLOSED'],
    ['a case that is not closed', { state: 'handled' as CaseState }, 'CASE_INVALID_TRANSITION'],
  ])('refuses %s', (_who, patch, code) => {
    expect(() => assertReopenAllowed({ ...base, now: closedAt, ...patch })).toThrow(expect.objectContaining({ code }));
  });
});

describe('labels shared with the web app', () => {
  it('lists for every action the same required fields as the transition table', async () => {
    const { ACTION_REQUIRES } = await import('../../../contracts/case-labels.ts');
    for (const a of CASE_ACTIONS) expect([...ACTION_REQUIRES[a]]).toEqual([...TRANSITIONS[a].requires]);
  });
});
