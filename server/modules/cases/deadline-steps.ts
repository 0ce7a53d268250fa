// Which time limit runs in which state, and the concrete due_at stored at each transition.
// due_at is computed once, when the state is entered, so that a later change of the category's
// limits or of the holiday table never moves deadlines already promised.
import type { WorkingCalendar } from '../../platform/calendar/index.ts';
import type { CaseAction, CaseState } from './lifecycle.ts';

export type DeadlineStep = 'accept' | 'sign' | 'handle' | 'verify';

/** A category's per-step limits in working minutes, after the category → community → street
 *  cascade; null means the step has no time limit. */
export interface StepLimits {
  acceptMinutes: number | null;
  signMinutes: number | null;
  handleMinutes: number | null;
  verifyMinutes: number | null;
}

const STEP_BY_STATE: Partial<Record<CaseState, DeadlineStep>> = {
  reported: 'accept',
  dispatched: 'sign',
  signed: 'handle',
  // The handling clock keeps running while an extension waits for approval; otherwise asking
  // for one would be a way to stop the clock.
  extension_requested: 'handle',
  handled: 'verify',
};

const LIMIT_KEY: Record<DeadlineStep, keyof StepLimits> = {
  accept: 'acceptMinutes',
  sign: 'signMinutes',
  handle: 'handleMinutes',
  verify: 'verifyMinutes',
};

/** The timer running in `state`, or null (accepted, parked, on_agenda and final states). */
export function stepForState(state: CaseState): DeadlineStep | null {
  return STEP_BY_STATE[state] ?? null;
}

/** A fresh deadline for a case entering `state` at `enteredAt`; null when no timer runs there. */
export function dueAtFor(
  state: CaseState,
  enteredAt: Date,
  limits: StepLimits,
  calendar: WorkingCalendar,
): Date | null {
  const step = stepForState(state);
  const minutes = step ? limits[LIMIT_KEY[step]] : null;
  return minutes === null ? null : calendar.addWorkingMinutes(enteredAt, minutes);
}

export interface TransitionTiming {
  at: Date;
  /** due_at stored before the transition. */
  previousDueAt: Date | null;
  /** approve_extension only: working minutes granted. */
  grantedMinutes?: number;
}

/**
 * due_at to store after `action` moved the case into `to`. Differs from dueAtFor only around
 * extensions: asking or being refused keeps the running deadline, and an approval adds the
 * granted working minutes to it (counted from the old due time, so an extension approved after
 * the deadline passed does not erase the lateness).
 */
export function dueAtAfter(
  action: CaseAction,
  to: CaseState,
  timing: TransitionTiming,
  limits: StepLimits,
  calendar: WorkingCalendar,
): Date | null {
  if (action === 'request_extension' || action === 'refuse_extension') return timing.previousDueAt;
  if (action === 'approve_extension') {
    if (!timing.previousDueAt) return dueAtFor(to, timing.at, limits, calendar);
    return calendar.addWorkingMinutes(timing.previousDueAt, timing.grantedMinutes ?? 0);
  }
  return dueAtFor(to, timing.at, limits, calendar);
}

export type DeadlineColour = 'green' | 'yellow' | 'red';

/**
 * Traffic light for a running deadline: red once overdue, yellow when less than `warnRatio` of
 * the allotted time (startedAt → dueAt) remains, green otherwise or when there is no deadline.
 * With a calendar the ratio is taken in working time, which is what the limit was given in: a
 * one-hour limit set on Friday afternoon should not turn yellow on Sunday.
 * Without `startedAt` the allotted time is unknown, so only green and red are possible.
 */
export function deadlineColour(
  now: Date,
  dueAt: Date | null,
  warnRatio = 0.2,
  startedAt?: Date,
  calendar?: WorkingCalendar,
): DeadlineColour {
  if (!dueAt) return 'green';
  if (now.getTime() > dueAt.getTime()) return 'red';
  if (!startedAt) return 'green';
  const span = (a: Date, b: Date) =>
    calendar ? calendar.workingMinutesBetween(a, b) : Math.max(0, b.getTime() - a.getTime());
  const allotted = span(startedAt, dueAt);
  const remaining = span(now, dueAt);
  if (allotted <= 0) return 'yellow';
  return remaining < warnRatio * allotted ? 'yellow' : 'green';
}
