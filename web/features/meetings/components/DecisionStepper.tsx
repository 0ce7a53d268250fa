import { Steps } from 'antd';
import { Link } from 'react-router-dom';
import { stepViews, voteSummary } from '../decision-steps';
import type { Decision, DecisionStep } from '../types';
import { formatDate, formatTime } from '../../../shared/time';

/** The six steps of 四议两公开, each taken one with its meeting, vote count and note. */
export function DecisionStepper({ decision, steps }: { decision: Decision; steps: DecisionStep[] }) {
  return (
    <Steps
      direction="vertical"
      data-testid="decision-stepper"
      items={stepViews(decision, steps).map((v) => ({
        title: v.title,
        status: v.status,
        description: v.taken && (
          <div>
            {v.taken.meetingId && (
              <div>
                会议：<Link to={`/meetings/${v.taken.meetingId}`}>{v.taken.meetingTitle}</Link>（
                {formatDate(v.taken.meetingStartsAt)}）
              </div>
            )}
            {voteSummary(v.taken) && <div>表决：{voteSummary(v.taken)}</div>}
            <div>{v.taken.note}</div>
            <div style={{ color: '#999' }}>{formatTime(v.taken.recordedAt)}</div>
          </div>
        ),
      }))}
    />
  );
}
