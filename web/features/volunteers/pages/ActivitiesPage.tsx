import { App, Button, Card, Input, List, Segmented, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { cancelSignUp, checkByCode, fetchActivities, fetchSummary, signUp, type Activity } from '../api';
import { ActivityFormModal } from '../components/ActivityFormModal';
import { formatTime } from '../../../shared/time';

const STATUS = { confirmed: '已报名', waiting: '候补中', cancelled: '已取消' } as Record<string, string>;
const when = (a: Activity) => `${formatTime(a.startsAt, 'YYYY/M/D HH:mm')} – ${formatTime(a.endsAt, 'HH:mm')}`;

/** Activities to join (phone), my hours; community staff see their activities with the venue code. */
export default function ActivitiesPage() {
  const { message } = App.useApp();
  const me = useMe();
  const [view, setView] = useState<'upcoming' | 'manage'>('upcoming');
  const list = useAsync((s) => fetchActivities(view, s), [view]);
  const summary = useAsync((s) => fetchSummary(s), []);
  const [code, setCode] = useState('');
  const [creating, setCreating] = useState(false);
  const run = (work: Promise<unknown>, ok: string) =>
    work.then(
      () => {
        message.success(ok);
        list.reload();
        summary.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
      <Card size="small">
        <Space size="large">
          <Statistic title="累计服务时长（小时）" value={summary.data?.totalHours ?? 0} />
          <Statistic title="参加活动" value={summary.data?.activities ?? 0} />
        </Space>
      </Card>
      {hasAbility(me, 'volunteers.manage') && (
        <Space>
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'upcoming' | 'manage')}
            options={[
              { value: 'upcoming', label: '可报名' },
              { value: 'manage', label: '本辖区活动' },
            ]}
          />
          <Button type="primary" onClick={() => setCreating(true)}>
            发布活动
          </Button>
        </Space>
      )}
      <ActivityFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          list.reload();
        }}
      />
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <List
          loading={list.loading}
          dataSource={list.data ?? []}
          locale={{ emptyText: '暂无活动' }}
          renderItem={(a) => (
            <Card
              size="small"
              style={{ marginBottom: 8 }}
              title={a.title}
              extra={
                <Tag>
                  {a.confirmed}/{a.capacity}
                </Tag>
              }
            >
              <p>
                {when(a)} · {a.place}
              </p>
              {a.checkinCode && (
                <p>
                  现场签到码：<Tag color="blue">{a.checkinCode}</Tag>
                </p>
              )}
              <Space wrap>
                {a.myStatus && a.myStatus !== 'cancelled' ? <Tag color="red">{STATUS[a.myStatus]}</Tag> : null}
                {a.abilities.includes('join') && (!a.myStatus || a.myStatus === 'cancelled') && (
                  <Button size="small" type="primary" onClick={() => run(signUp(a.id), '报名成功')}>
                    {a.confirmed >= a.capacity ? '报名候补' : '报名'}
                  </Button>
                )}
                {a.myStatus && a.myStatus !== 'cancelled' && (
                  <Button size="small" onClick={() => run(cancelSignUp(a.id), '已取消报名')}>
                    取消报名
                  </Button>
                )}
                {a.myStatus === 'confirmed' && (
                  <Space.Compact>
                    <Input
                      size="small"
                      placeholder="扫码或输入签到码"
                      value={code}
                      onChange={(e) => setCode(e.target.value)}
                    />
                    <Button size="small" onClick={() => run(checkByCode(a.id, 'in', code), '签到成功')}>
                      签到
                    </Button>
                    <Button size="small" onClick={() => run(checkByCode(a.id, 'out', code), '签退成功，时长已记录')}>
                      签退
                    </Button>
                  </Space.Compact>
                )}
              </Space>
            </Card>
          )}
        />
      )}
    </Space>
  );
}
