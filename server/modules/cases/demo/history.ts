import type { WorkingCalendar } from '../../../platform/calendar/index.ts';
import type { Rng } from '../../../platform/demo-data/prng.ts';
import type { CaseState } from '../lifecycle.ts';

export interface Step {
  state: CaseState;
  action: string;
  at: Date;
  dueAt: Date | null;
  onTime?: boolean;
  reason?: string;
  feedback?: string;
  score?: number;
}

const HOUR = 3_600_000;
const FEEDBACK = ['已现场处理完毕', '已安排人员清理', '已联系责任单位整改到位', '已修复并拍照留存', '已劝导当事人整改'];

/** Hours drawn so most steps are quick and a tail runs late, as in real ledgers. */
function hours(rng: Rng, typical: number): number {
  return typical * (0.2 + -Math.log(1 - rng.next() * 0.999) * 0.8);
}

/**
 * A plausible life of one case from `reportedAt` up to `now`: the steps a real case takes,
 * with realistic delays, occasional rejections, parking and rework, and ratings.
 */
export function historyFor(
  rng: Rng,
  reportedAt: Date,
  now: Date,
  limits: { accept: number; handle: number },
  calendar: WorkingCalendar,
): Step[] {
  const steps: Step[] = [
    {
      state: 'reported',
      action: 'report',
      at: reportedAt,
      dueAt: calendar.addWorkingMinutes(reportedAt, limits.accept),
    },
  ];
  let t = reportedAt.getTime();
  const next = (h: number): Date | null => {
    t += h * HOUR;
    return t > now.getTime() ? null : new Date(t);
  };
  const push = (s: Omit<Step, 'dueAt'> & { dueAt?: Date | null }) => steps.push({ dueAt: null, ...s });

  const accepted = next(hours(rng, 1.5));
  if (!accepted) return steps;
  const fate = rng.next();
  if (fate < 0.05)
    return (push({ state: 'rejected', action: 'reject', at: accepted, reason: '不属于受理范围' }), steps);
  if (fate < 0.07) return (push({ state: 'merged', action: 'merge', at: accepted, reason: '重复反映' }), steps);
  push({ state: 'accepted', action: 'accept', at: accepted, onTime: accepted <= steps[0]!.dueAt! });
  if (fate < 0.1)
    return (push({ state: 'parked', action: 'park', at: accepted, reason: '涉及历史遗留问题，需统筹解决' }), steps);
  const dispatched = next(hours(rng, 0.8));
  if (!dispatched) return steps;
  push({ state: 'dispatched', action: 'dispatch', at: dispatched, dueAt: calendar.addWorkingMinutes(dispatched, 60) });
  const signed = next(hours(rng, 1));
  if (!signed) return steps;
  const handleDue = calendar.addWorkingMinutes(signed, limits.handle);
  push({ state: 'signed', action: 'sign', at: signed, dueAt: handleDue });
  let handled = next(hours(rng, limits.handle / 60 / 2));
  if (!handled) return steps;
  push({
    state: 'handled',
    action: 'handle',
    at: handled,
    onTime: handled <= handleDue,
    feedback: rng.pick(FEEDBACK),
    dueAt: calendar.addWorkingMinutes(handled, 240),
  });
  if (rng.next() < 0.1) {
    const rework = next(hours(rng, 4));
    if (!rework) return steps;
    push({
      state: 'signed',
      action: 'rework',
      at: rework,
      reason: '现场核查未整改到位',
      dueAt: calendar.addWorkingMinutes(rework, limits.handle),
    });
    handled = next(hours(rng, 12));
    if (!handled) return steps;
    push({
      state: 'handled',
      action: 'handle',
      at: handled,
      onTime: false,
      feedback: '已返工整改',
      dueAt: calendar.addWorkingMinutes(handled, 240),
    });
  }
  const verified = next(hours(rng, 4));
  if (!verified) return steps;
  push({ state: 'verified', action: 'verify', at: verified, onTime: verified <= steps.at(-1)!.dueAt! });
  const closed = next(hours(rng, 2));
  if (!closed) return steps;
  push({ state: 'closed', action: 'close', at: closed });
  if (rng.next() < 0.3) return steps;
  const rated = next(hours(rng, 12));
  if (!rated) return steps;
  const r = rng.next();
  push({
    state: 'rated',
    action: 'rate',
    at: rated,
    score: r < 0.55 ? 5 : r < 0.8 ? 4 : r < 0.9 ? 3 : r < 0.96 ? 2 : 1,
  });
  return steps;
}
