import { formulaVersionLabel } from '../../../../contracts/rating-labels.ts';
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, DatePicker, Empty, Select, Space, Typography } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { computeRun, fetchRun, fetchRuns } from '../api';
import type { RatingKind, RunDetail } from '../types';
import { formatTime, pickerNow } from '../../../shared/time';

interface Props {
  streetId: number;
  kind: RatingKind;
  children: (run: RunDetail, abilities: string[], reload: () => void) => ReactNode;
}

/**
 * The runs of one kind for a street: pick a run (latest by default), see its formula, and —
 * for street and district staff — compute a new one for a year or month.
 */
export function RunPanel({ streetId, kind, children }: Props) {
  const me = useMe();
  const { message } = App.useApp();
  const monthly = kind === 'property_month';
  const [period, setPeriod] = useState(() => pickerNow().subtract(monthly ? 1 : 0, monthly ? 'month' : 'year'));
  const [chosen, setChosen] = useState<number>();
  const runs = useAsync((s) => fetchRuns(streetId, kind, s), [streetId, kind]);
  const runId = chosen ?? runs.data?.[0]?.id;
  const run = useAsync((s) => (runId ? fetchRun(runId, s) : Promise.resolve(null)), [runId]);
  const compute = () =>
    computeRun(kind, { streetId, ...(monthly ? { month: period.format('YYYY-MM') } : { year: period.year() }) }).then(
      (r) => {
        message.success('已计算');
        setChosen(r.id);
        runs.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  if (runs.error) return <ErrorAlert error={runs.error} onRetry={runs.reload} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ minWidth: 260 }}
          placeholder="计算记录"
          value={runId}
          onChange={setChosen}
          loading={runs.loading}
          options={runs.data?.map((r) => ({ value: r.id, label: `${r.period} · ${formatTime(r.createdAt)} 计算` }))}
        />
        {me.abilities.includes('ratings.compute') && (
          <>
            <DatePicker
              picker={monthly ? 'month' : 'year'}
              allowClear={false}
              value={period}
              onChange={(d) => d && setPeriod(d)}
            />
            <Button type="primary" onClick={compute}>
              计算
            </Button>
          </>
        )}
      </Space>
      {run.error ? <ErrorAlert error={run.error} onRetry={run.reload} /> : null}
      {!runId && !runs.loading && <Empty description="尚未计算" />}
      {run.data && (
        <>
          <Alert
            type="info"
            showIcon
            title={`计算公式（${formulaVersionLabel(run.data.data.formulaVersion)}）`}
            description={<Typography.Text>{run.data.data.formula}</Typography.Text>}
          />
          {children(run.data.data, run.data.abilities, run.reload)}
        </>
      )}
    </Space>
  );
}
