import { lazy, Suspense, useMemo } from 'react';
import { Card, Empty, Spin } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { fetchGrids } from '../../grid-map/api';
import { householdBars } from '../households';

const HouseholdsChart = lazy(() => import('./HouseholdsChart'));

export function HouseholdsCard({ nodeId }: { nodeId: number }) {
  const { data, error, reload } = useAsync((signal) => fetchGrids(nodeId, signal), [nodeId]);
  const chart = useMemo(() => (data ? householdBars(data.features) : null), [data]);

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  return (
    <Card title={chart?.title ?? '户数分布'} loading={!chart}>
      {chart && chart.bars.length === 0 && <Empty description="暂无网格数据" />}
      {chart && chart.bars.length > 0 && (
        <Suspense fallback={<Spin style={{ display: 'block', margin: '120px auto' }} />}>
          <HouseholdsChart bars={chart.bars} />
        </Suspense>
      )}
    </Card>
  );
}
