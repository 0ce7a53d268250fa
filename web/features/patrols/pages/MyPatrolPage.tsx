import { App, Button, Card, Empty, List, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { checkIn, fetchPlan, fetchPlans } from '../api';
import { FindingDialog } from '../components/FindingDialog';
import { StatusTag } from '../components/StatusTag';

/** The phone's position, when the member chose to send it; null when the browser cannot tell. */
function currentPoint(): Promise<{ lng: number; lat: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lng: p.coords.longitude, lat: p.coords.latitude }),
      () => resolve(null),
      { timeout: 8000, maximumAge: 60_000 },
    ),
  );
}

/** 今日巡查 on a phone: the member's open patrols; check in at each grid of the route and report what they find. */
export default function MyPatrolPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [withPoint, setWithPoint] = useState(false);
  const [reporting, setReporting] = useState<{
    grid: { id: number; name: string };
    point: { lng: number; lat: number } | null;
  }>();
  const plans = useAsync(async (signal) => {
    const res = await fetchPlans('mine', 1, signal);
    return res.data.filter((p) => p.status === 'planned' || p.status === 'in_progress').reverse();
  }, []);
  const open = plans.data ?? [];
  const planId = Number(params.get('plan')) || open[0]?.id;
  const plan = useAsync(async (signal) => (planId ? fetchPlan(planId, signal) : null), [planId]);
  if (plans.error) return <ErrorAlert error={plans.error} onRetry={plans.reload} />;
  if (plans.loading && !plans.data) return <Spin />;
  if (!open.length && !planId) return <Empty description="今天没有需要参加的联合巡查" />;
  const p = plan.data;
  const point = async () => (withPoint ? await currentPoint() : null);
  const tapCheckIn = async (gridId: number) => {
    try {
      await checkIn(p!.id, { gridId, ...((await point()) ?? {}) });
      message.success('已签到');
      plan.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {open.length > 1 && (
        <Select
          aria-label="选择巡查"
          style={{ width: '100%' }}
          value={planId}
          onChange={(id) => setParams({ plan: String(id) })}
          options={open.map((o) => ({ value: o.id, label: `${formatTime(o.startsAt, 'MM-DD HH:mm')} ${o.title}` }))}
        />
      )}
      {plan.error ? <ErrorAlert error={plan.error} onRetry={plan.reload} /> : null}
      {!p ? (
        <Spin />
      ) : (
        <Card
          size="small"
          title={
            <Space wrap>
              {p.title}
              <StatusTag status={p.status} />
            </Space>
          }
          extra={<Link to={`/patrols/${p.id}`}>详情</Link>}
        >
          <Typography.Paragraph type="secondary">
            {formatTime(p.startsAt)} – {formatTime(p.endsAt, 'HH:mm')}，{p.scopeName}，已覆盖 {p.gridsCovered} /{' '}
            {p.gridsPlanned} 个网格
          </Typography.Paragraph>
          <Space style={{ marginBottom: 8 }}>
            <Switch checked={withPoint} onChange={setWithPoint} aria-label="附带当前位置" />
            附带当前位置（须在网格内）
          </Space>
          <List
            dataSource={p.route}
            renderItem={(r) => {
              const mine = p.checkIns.some((c) => c.gridId === r.gridId && c.userId === me.id);
              return (
                <List.Item
                  actions={[
                    <Button
                      key="in"
                      size="small"
                      type={mine ? 'default' : 'primary'}
                      disabled={mine}
                      onClick={() => tapCheckIn(r.gridId)}
                    >
                      {mine ? '已签到' : '签到'}
                    </Button>,
                    <Button
                      key="found"
                      size="small"
                      onClick={async () => setReporting({ grid: { id: r.gridId, name: r.name }, point: await point() })}
                    >
                      上报问题
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={`${r.position + 1}. ${r.name}`}
                    description={
                      <Space size={4} wrap>
                        <Tag>签到 {r.checkIns}</Tag>
                        <Tag>问题 {r.findings}</Tag>
                      </Space>
                    }
                  />
                </List.Item>
              );
            }}
          />
        </Card>
      )}
      {reporting && p && (
        <FindingDialog
          planId={p.id}
          grid={reporting.grid}
          point={reporting.point}
          onClose={() => setReporting(undefined)}
          onDone={() => {
            setReporting(undefined);
            plan.reload();
          }}
        />
      )}
    </Space>
  );
}
