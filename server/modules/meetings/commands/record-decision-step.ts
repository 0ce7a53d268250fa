import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  DECISION_STEP_LABELS,
  MEETING_TYPE_LABELS,
  type recordDecisionStepBody,
} from '../../../../contracts/meetings.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { expectedStep, isVotingStep, STEP_MEETING_TYPE, votePasses } from '../decision-rules.ts';
import { loadDecision, loadMeeting } from '../load.ts';
import { publishMeetingChange } from '../live.ts';
import { authorizeMeeting } from '../policy.ts';
import { decisions, decisionSteps } from '../schema.ts';

type Input = z.infer<typeof recordDecisionStepBody>;

/**
 * Records the next step of a 四议两公开 record. The decision row is locked, so two clerks
 * recording at once cannot both take the same step; any step other than the next one is a 409.
 * A failed vote ends the record as rejected.
 */
export async function recordDecisionStep(db: Db, actor: Actor, decisionId: number, input: Input) {
  return withTx(db, async (tx) => {
    const decision = await loadDecision(tx, actor, decisionId, true);
    authorizeMeeting(actor, 'write', decision);
    const expected = expectedStep(decision.stepsDone);
    if (decision.status !== 'in_progress' || input.kind !== expected) {
      throw new AppError('DECISION_STEP_OUT_OF_ORDER', {
        message:
          decision.status === 'in_progress'
            ? `下一步应为“${DECISION_STEP_LABELS[expected!]}”，不能跳过或重复`
            : '该事项已办结或未获通过，不能继续',
      });
    }
    const voting = isVotingStep(input.kind);
    if (voting) await checkVotingMeeting(tx, actor, decision.communityId, input);
    else if (input.meetingId) await loadMeeting(tx, actor, input.meetingId);
    const passed =
      !voting ||
      votePasses({ votesFor: input.votesFor!, votesAgainst: input.votesAgainst!, votesAbstain: input.votesAbstain! });
    const stepsDone = decision.stepsDone + 1;
    await tx.insert(decisionSteps).values({
      decisionId,
      step: stepsDone,
      kind: input.kind,
      meetingId: input.meetingId ?? null,
      note: input.note,
      recordedBy: actor.userId,
      votesFor: voting ? input.votesFor! : null,
      votesAgainst: voting ? input.votesAgainst! : null,
      votesAbstain: voting ? input.votesAbstain! : null,
    });
    const status = !passed ? 'rejected' : expectedStep(stepsDone) ? 'in_progress' : 'completed';
    const [row] = await tx.update(decisions).set({ stepsDone, status }).where(eq(decisions.id, decisionId)).returning();
    await recordAudit(tx, actor, {
      action: 'decisions.step',
      targetType: 'decision',
      targetId: decisionId,
      scopePath: decision.scopePath,
      summary: { step: stepsDone, kind: input.kind, passed },
    });
    await publishMeetingChange(tx, {
      scopePath: decision.scopePath,
      targetType: 'decision',
      targetId: decisionId,
      action: 'decisions.step',
    });
    return row!;
  });
}

async function checkVotingMeeting(
  tx: Parameters<typeof loadMeeting>[0],
  actor: Actor,
  communityId: number,
  input: Input,
) {
  if (!input.meetingId) throw invalid('meetingId', '该步骤须关联会议');
  for (const field of ['votesFor', 'votesAgainst', 'votesAbstain'] as const)
    if (input[field] === undefined) throw invalid(field, '该步骤须填写表决票数');
  const meeting = await loadMeeting(tx, actor, input.meetingId);
  if (meeting.communityId !== communityId) throw invalid('meetingId', '会议不属于该社区');
  const type = STEP_MEETING_TYPE[input.kind]!;
  if (meeting.type !== type) throw invalid('meetingId', `该步骤须由${MEETING_TYPE_LABELS[type]}表决`);
  if (meeting.status !== 'held') throw invalid('meetingId', '会议尚未召开（未记录纪要）');
}
