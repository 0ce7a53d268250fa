import { Card, Col, Row, Typography } from 'antd';
import { Navigate } from 'react-router-dom';
import { useMe } from '../../../app/session/SessionContext';
import { ScopeCounts } from '../components/ScopeCounts';
import { HouseholdsCard } from '../components/HouseholdsCard';
import { TodoCard } from '../components/TodoCard';

/** Levels whose grids are worth a distribution chart: a single grid has nothing to compare. */
const CHART_LEVELS = new Set(['district', 'street', 'community']);

export default function HomePage() {
  const me = useMe();
  // A self-service terminal account has no desk: it goes straight to the full-screen kiosk.
  if (me.abilities.includes('kiosk.use')) return <Navigate to="/kiosk" replace />;
  // The counts and the chart read the organisation: without org.read the server would refuse.
  const scope = me.abilities.includes('org.read') ? me.scope : null;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {me.displayName}，您好
          </Typography.Title>
          <Typography.Text type="secondary">
            {me.roleLabel}
            {me.scope ? ` · ${me.scope.name}` : ''}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={24}>
        <TodoCard />
      </Col>
      {scope ? (
        <>
          <Col span={24}>
            <ScopeCounts nodeId={scope.nodeId} />
          </Col>
          {CHART_LEVELS.has(scope.level) && (
            <Col span={24}>
              <HouseholdsCard nodeId={scope.nodeId} />
            </Col>
          )}
        </>
      ) : null}
    </Row>
  );
}
