import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Card, Result, Skeleton, Space, Typography } from 'antd';
import { ApiError } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchCase, fetchSuggestion } from '../api';
import { ActionBar } from '../components/ActionBar';
import { ActionDialog } from '../components/ActionDialog';
import { CaseFacts } from '../components/CaseFacts';
import { StateTag } from '../components/CaseTags';
import { CaseTimeline } from '../components/CaseTimeline';
import { PhotoStrip } from '../components/PhotoStrip';
import { SuggestionPanel } from '../components/SuggestionPanel';
import { useLiveEvents } from '../live';
import type { CaseAction } from '../types';

/** Actions for which the dispatcher wants the learned suggestion at hand. */
const SUGGESTION_ACTIONS: CaseAction[] = ['accept', 'merge', 'dispatch'];

export default function CaseDetailPage() {
  const id = Number(useParams().id);
  const detail = useAsync((signal) => fetchCase(id, signal), [id]);
  const [action, setAction] = useState<CaseAction | null>(null);
  const d = detail.data?.id === id ? detail.data : undefined;
  const wantsSuggestion = Boolean(d?.abilities.some((a) => SUGGESTION_ACTIONS.includes(a)));
  const suggestion = useAsync(
    (signal) => (wantsSuggestion ? fetchSuggestion(id, signal).catch(() => null) : Promise.resolve(null)),
    [id, wantsSuggestion, d?.version],
  );
  // Someone else took a step on this case: show it (and its new version) at once.
  useLiveEvents(['case.changed', 'notification'], (m) => {
    if (m.reset || m.caseId === id) detail.reload();
  });

  if (detail.error) {
    if (detail.error instanceof ApiError && detail.error.status === 404)
      return <Result status="404" title="案件不存在或您无权查看" />;
    return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  }
  if (!d) return <Skeleton active />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap size={4}>
            <span>{d.title}</span>
            <StateTag state={d.state} />
          </Space>
        }
        extra={<Typography.Text type="secondary">{d.caseNo}</Typography.Text>}
        styles={{ header: { flexWrap: 'wrap' } }}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {suggestion.data && <SuggestionPanel suggestion={suggestion.data} />}
          <ActionBar abilities={d.abilities} onAction={setAction} />
          <CaseFacts detail={d} />
          <PhotoStrip ids={d.photoIds} />
        </Space>
      </Card>
      <Card title="办理过程">
        <CaseTimeline events={d.timeline} />
      </Card>
      {action && (
        <ActionDialog
          action={action}
          detail={d}
          suggestion={suggestion.data ?? null}
          onClose={() => setAction(null)}
          onChanged={detail.reload}
        />
      )}
    </Space>
  );
}
