import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Result, Skeleton, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchDecision } from '../api';
import { DecisionStepper } from '../components/DecisionStepper';
import { NextStepDialog } from '../components/NextStepDialog';
import { DECISION_STATUS_LABELS, DECISION_STEP_LABELS, nextStep } from '../decision-steps';
import { useLiveEvents } from '../../cases/live';

/** A 四议两公开 record: the stepper, and the next allowed step as the only action. */
export default function DecisionDetailPage() {
  const id = Number(useParams().id);
  const detail = useAsync((s) => fetchDecision(id, s), [id]);
  useLiveEvents(['meeting.changed'], (m) => {
    const t = m as { targetType?: string; targetId?: number };
    if (m.reset || (t.targetType === 'decision' && t.targetId === id)) detail.reload();
  });
  const [recording, setRecording] = useState(false);
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Skeleton active />;
  const { data: decision, abilities } = detail.data;
  const next = nextStep(decision);
  return (
    <Card
      title={decision.title}
      extra={
        <Tag color={decision.status === 'rejected' ? 'red' : decision.status === 'completed' ? 'green' : 'blue'}>
          {DECISION_STATUS_LABELS[decision.status]}
        </Tag>
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{decision.summary}</Typography.Paragraph>
      <DecisionStepper decision={decision} steps={decision.steps} />
      {next && abilities.includes('write') && (
        <Button type="primary" onClick={() => setRecording(true)}>
          记录：{DECISION_STEP_LABELS[next]}
        </Button>
      )}
      {decision.status === 'rejected' && <Result status="warning" title="表决未获通过，该事项终止" />}
      {decision.stepsDone >= 5 && <Link to={`/communities/${decision.communityId}/public`}>查看社区公开栏</Link>}
      {recording && next && (
        <NextStepDialog decision={decision} kind={next} onClose={() => setRecording(false)} onDone={detail.reload} />
      )}
    </Card>
  );
}
