import { describe, expect, it } from 'vitest';
import { createDayKindResolver, createWorkingCalendar } from '../../platform/calendar/index.ts';
import { deadlineColour, dueAtAfter, dueAtFor, stepForState, type StepLimits } from './deadline-steps.ts';
import { CASE_STATES } from './lifecycle.ts';

const bj = (local: string) => new Date(`${local}:00+08:00`);
const calendar = createWorkingCalendar(createDayKindResolver());
const limits: StepLimits = { acceptMinutes: 60, signMinutes: 30, handleMinutes: 2 * 450, verifyMinutes: 240 };

describe('stepForState', () => {
  const expected: Record<string, string | null> = {
    reported: 'accept',
    dispatched: 'sign',
    signed: 'handle',
    extension_requested: 'handle',
    handled: 'verify',
  };
  it.each(CASE_STATES.map((s) => [s, expected[s] ?? null] as const))('%s runs the %s timer', (state, step) => {
    expect(stepForState(state)).toBe(step);
  });
});

describe('dueAtFor', () => {
  it.each([
    ['reported', '2026-03-06T17:00', '2026-03-09T09:00'], // accept: 1 h, over the weekend
    ['dispatched', '2026-03-09T11:45', '2026-03-09T13:45'], // sign: 30 min, over lunch
    ['signed', '2026-09-30T10:00', '2026-10-09T10:00'], // handle: 2 days, over National Day
    ['handled', '2026-10-09T16:00', '2026-10-10T11:00'], // verify: 4 h, into the make-up Saturday
    ['accepted', '2026-03-09T10:00', null],
    ['parked', '2026-03-09T10:00', null],
    ['closed', '2026-03-09T10:00', null],
  ] as const)('%s entered at %s is due at %s', (state, at, due) => {
    expect(dueAtFor(state, bj(at), limits, calendar)).toEqual(due === null ? null : bj(due));
  });

  it('sets no deadline for a step without a limit', () => {
    expect(dueAtFor('signed', bj('2026-03-09T10:00'), { ...limits, handleMinutes: null }, calendar)).toBeNull();
  });
});

describe('dueAtAfter', () => {
  const previousDueAt = bj('2026-03-10T10:00');
  const at = bj('2026-03-09T15:00');

  it.each(['request_extension', 'refuse_extension'] as const)('%s keeps the running deadline', (action) => {
    const to = action === 'request_extension' ? 'extension_requested' : 'signed';
    expect(dueAtAfter(action, to, { at, previousDueAt }, limits, calendar)).toEqual(previousDueAt);
  });

  it('approve_extension adds the granted working minutes to the old deadline', () => {
    const due = dueAtAfter('approve_extension', 'signed', { at, previousDueAt, grantedMinutes: 450 }, limits, calendar);
    expect(due).toEqual(bj('2026-03-11T10:00'));
  });

  it('rework restarts the handling timer and dispatch starts the sign timer', () => {
    expect(dueAtAfter('rework', 'signed', { at, previousDueAt }, limits, calendar)).toEqual(bj('2026-03-11T15:00'));
    expect(dueAtAfter('dispatch', 'dispatched', { at, previousDueAt: null }, limits, calendar)).toEqual(
      bj('2026-03-09T15:30'),
    );
  });
});

describe('deadlineColour', () => {
  const started = bj('2026-03-09T08:30');
  const due = bj('2026-03-09T17:30'); // 9 h elapsed, 7.5 h working

  it.each([
    ['long before the deadline', '2026-03-09T09:00', 'green'],
    ['with exactly 20 % of elapsed time left', '2026-03-09T15:42', 'green'],
    ['with less than 20 % of elapsed time left', '2026-03-09T15:43', 'yellow'],
    ['at the due instant', '2026-03-09T17:30', 'yellow'],
    ['one minute overdue', '2026-03-09T17:31', 'red'],
  ] as const)('is %s → %s (elapsed time)', (_when, now, colour) => {
    expect(deadlineColour(bj(now), due, 0.2, started)).toBe(colour);
  });

  it('measures in working time when given the calendar', () => {
    // 90 working minutes (20 % of 450) remain at 16:00; the lunch break does not count.
    expect(deadlineColour(bj('2026-03-09T16:00'), due, 0.2, started, calendar)).toBe('green');
    expect(deadlineColour(bj('2026-03-09T16:01'), due, 0.2, started, calendar)).toBe('yellow');
  });

  it('does not turn a Friday-afternoon one-hour limit yellow over the weekend', () => {
    const fri = bj('2026-03-06T17:00');
    const mon = calendar.addWorkingMinutes(fri, 60);
    expect(deadlineColour(bj('2026-03-08T23:00'), mon, 0.2, fri, calendar)).toBe('green');
    expect(deadlineColour(bj('2026-03-08T23:00'), mon, 0.2, fri)).toBe('yellow');
  });

  it('honours a custom warn ratio, and stays green/red only without a start or a deadline', () => {
    expect(deadlineColour(bj('2026-03-09T13:30'), due, 0.5, started)).toBe('yellow');
    expect(deadlineColour(bj('2026-03-09T17:00'), due)).toBe('green');
    expect(deadlineColour(bj('2026-03-09T18:00'), due)).toBe('red');
    expect(deadlineColour(bj('2026-03-09T18:00'), null, 0.2, started)).toBe('green');
  });
});
