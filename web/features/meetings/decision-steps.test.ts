import { describe, expect, it } from 'vitest';
import { nextStep, ratePercent, stepViews, voteSummary } from './decision-steps';
import type { DecisionStep } from './types';

const step = (n: number, kind: DecisionStep['kind'], votes?: [number, number, number]): DecisionStep => ({
  decisionId: 1,
  step: n,
  kind,
  meetingId: votes ? 1 : null,
  meetingTitle: null,
  meetingStartsAt: null,
  note: 'x',
  recordedAt: '2026-01-01T00:00:00Z',
  votesFor: votes?.[0] ?? null,
  votesAgainst: votes?.[1] ?? null,
  votesAbstain: votes?.[2] ?? null,
});

describe('四议两公开 stepper', () => {
  it('offers only the step after the ones taken', () => {
    expect(nextStep({ stepsDone: 0, status: 'in_progress' })).toBe('proposal');
    expect(nextStep({ stepsDone: 3, status: 'in_progress' })).toBe('representatives');
    expect(nextStep({ stepsDone: 6, status: 'completed' })).toBeNull();
    expect(nextStep({ stepsDone: 2, status: 'rejected' })).toBeNull();
  });

  it('marks taken steps finished, the next one current and the rest waiting', () => {
    const views = stepViews({ stepsDone: 2, status: 'in_progress' }, [
      step(1, 'proposal'),
      step(2, 'committees', [7, 1, 0]),
    ]);
    expect(views.map((v) => v.status)).toEqual(['finish', 'finish', 'process', 'wait', 'wait', 'wait']);
    expect(views[1]!.taken?.votesFor).toBe(7);
  });

  it('shows the failed vote that ended a record in red and nothing current after it', () => {
    const views = stepViews({ stepsDone: 2, status: 'rejected' }, [
      step(1, 'proposal'),
      step(2, 'committees', [2, 5, 1]),
    ]);
    expect(views.map((v) => v.status)).toEqual(['finish', 'error', 'wait', 'wait', 'wait', 'wait']);
  });

  it('summarises votes and attendance rates for display', () => {
    expect(voteSummary(step(2, 'committees', [12, 1, 2]))).toBe('赞成 12 · 反对 1 · 弃权 2');
    expect(voteSummary(step(1, 'proposal'))).toBeNull();
    expect(ratePercent(0.7933)).toBe('79.3%');
    expect(ratePercent(null)).toBe('—');
  });
});
