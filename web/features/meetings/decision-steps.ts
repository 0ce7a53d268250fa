import type { Decision, DecisionStep, DecisionStepKind, MeetingType } from './types';

/** 四议两公开 in its one allowed order (contracts/meetings.ts DECISION_STEPS). */
export const DECISION_STEPS: readonly DecisionStepKind[] = [
  'proposal',
  'committees',
  'party_members',
  'representatives',
  'resolution_published',
  'result_published',
];
export const DECISION_STEP_LABELS: Record<DecisionStepKind, string> = {
  proposal: '党组织提议',
  committees: '两委会商议',
  party_members: '党员大会审议',
  representatives: '居民代表会议决议',
  resolution_published: '决议公开',
  result_published: '实施结果公开',
};
/** The meeting type whose vote takes each voting step (server/modules/meetings/decision-rules.ts). */
export const STEP_MEETING_TYPE: Partial<Record<DecisionStepKind, MeetingType>> = {
  committees: 'joint',
  party_members: 'party_members',
  representatives: 'representatives',
};
export const DECISION_STATUS_LABELS = { in_progress: '进行中', rejected: '未获通过', completed: '已办结' } as const;

export const isVotingStep = (kind: DecisionStepKind): boolean => STEP_MEETING_TYPE[kind] !== undefined;

/** The one step the record may take next; none once it is finished or was voted down. */
export function nextStep(decision: Pick<Decision, 'stepsDone' | 'status'>): DecisionStepKind | null {
  return decision.status === 'in_progress' ? (DECISION_STEPS[decision.stepsDone] ?? null) : null;
}

export type StepStatus = 'finish' | 'process' | 'wait' | 'error';

export interface StepView {
  kind: DecisionStepKind;
  title: string;
  status: StepStatus;
  taken: DecisionStep | null;
}

/**
 * What the stepper shows for each of the six steps: taken steps are finished (the last one in
 * red when its vote failed and ended the record), the next one is current, the rest wait.
 */
export function stepViews(
  decision: Pick<Decision, 'stepsDone' | 'status'>,
  steps: readonly DecisionStep[],
): StepView[] {
  return DECISION_STEPS.map((kind, i) => {
    const taken = steps.find((s) => s.step === i + 1) ?? null;
    let status: StepStatus = 'wait';
    if (taken) status = decision.status === 'rejected' && i + 1 === decision.stepsDone ? 'error' : 'finish';
    else if (decision.status === 'in_progress' && i === decision.stepsDone) status = 'process';
    return { kind, title: DECISION_STEP_LABELS[kind], status, taken };
  });
}

/** "赞成 12 · 反对 1 · 弃权 2" for a voting step, null otherwise. */
export function voteSummary(step: Pick<DecisionStep, 'votesFor' | 'votesAgainst' | 'votesAbstain'>): string | null {
  if (step.votesFor === null) return null;
  return `赞成 ${step.votesFor} · 反对 ${step.votesAgainst ?? 0} · 弃权 ${step.votesAbstain ?? 0}`;
}

/** Attendance rate as a percentage for display ("79%"), a dash when nothing was recorded. */
export function ratePercent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
