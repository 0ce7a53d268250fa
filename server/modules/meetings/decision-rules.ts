import { DECISION_STEPS, VOTING_STEPS, type DecisionStepKind } from '../../../contracts/meetings.ts';
import type { MeetingType } from './schema.ts';

/** The meeting type that may take each voting step of 四议两公开. */
export const STEP_MEETING_TYPE: Partial<Record<DecisionStepKind, MeetingType>> = {
  committees: 'joint',
  party_members: 'party_members',
  representatives: 'representatives',
};

/** The step expected next, or null when the record is finished. */
export function expectedStep(stepsDone: number): DecisionStepKind | null {
  return DECISION_STEPS[stepsDone] ?? null;
}

export function isVotingStep(kind: DecisionStepKind): boolean {
  return VOTING_STEPS.includes(kind);
}

/** A vote passes with a majority of the votes cast (for > half of for + against + abstain). */
export function votePasses(votes: { votesFor: number; votesAgainst: number; votesAbstain: number }): boolean {
  const cast = votes.votesFor + votes.votesAgainst + votes.votesAbstain;
  return cast > 0 && votes.votesFor * 2 > cast;
}
