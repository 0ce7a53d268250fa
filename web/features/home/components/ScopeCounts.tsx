import { Card, Col, Row, Statistic } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { countLevelsBelow, LEVEL_LABELS } from '../../../shared/org-levels';
import { fetchNode } from '../../org/api';

/** The size of what the user is responsible for, straight from GET /api/org/nodes/:id. */
export function ScopeCounts({ nodeId }: { nodeId: number }) {
  const { data, error, reload } = useAsync((signal) => fetchNode(nodeId, signal), [nodeId]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  return (
    <Card title={data ? `${data.name}（${LEVEL_LABELS[data.level]}）概况` : '辖区概况'} loading={!data}>
      {data && (
        <Row gutter={[16, 16]}>
          {countLevelsBelow(data.level).map((c) => (
            <Col key={c.key} xs={12} md={8} xl={4}>
              <Statistic title={`${c.label}`} value={data.counts[c.key]} suffix="个" />
            </Col>
          ))}
          {data.households !== null && (
            <Col xs={12} md={8} xl={4}>
              <Statistic title="户数" value={data.households} suffix="户" />
            </Col>
          )}
        </Row>
      )}
    </Card>
  );
}
