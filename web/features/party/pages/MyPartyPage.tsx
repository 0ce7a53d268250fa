import { Alert, App, Button, Card, Input, List, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { claimPost, fetchMyRecord, fetchOverview, publishCommitment, SOURCE_LABELS } from '../api';
import { DualRegistrationCard } from '../components/DualRegistrationCard';
import { formatDate, pickerNow } from '../../../shared/time';

const PERIOD = { month: '本月', quarter: '本季度', year: '本年' } as Record<string, string>;
const CLAIM_STATE = { pending: '待支部审批', approved: '已认岗', rejected: '未通过' } as Record<string, string>;

/** The member's phone view: posts, points and their sources, alerts, commitments. */
export default function MyPartyPage() {
  const { message } = App.useApp();
  const overview = useAsync((s) => fetchOverview(s), []);
  const record = useAsync((s) => fetchMyRecord(s), []);
  const [text, setText] = useState('');
  if (overview.error) return <ErrorAlert error={overview.error} onRetry={overview.reload} />;
  const o = overview.data;
  const act = (work: Promise<unknown>, ok: string) =>
    work.then(
      () => {
        message.success(ok);
        overview.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  const claimed = new Set(o?.posts.map((p) => p.postId));
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 520 }}>
      <Card loading={overview.loading} title={o ? `${o.member.name} · ${o.member.branchName}` : '我的党员主页'}>
        <Space size="large">
          {o?.totals.map((t) => (
            <Statistic key={t.kind} title={`${PERIOD[t.kind]}积分`} value={t.points} />
          ))}
        </Space>
        {o?.member.duty === 'secretary' ? (
          <div style={{ marginTop: 12 }}>
            <Link to="/party/commitments">支部承诺践诺评定</Link>
          </div>
        ) : null}
      </Card>
      {o?.alerts
        .filter((a) => !a.remindedAt)
        .map((a) => (
          <Alert
            key={a.id}
            type="warning"
            showIcon
            title={`${a.periodKey} 积分进度落后：已得 ${a.points} 分，按进度应得 ${a.expected} 分（目标 ${a.target} 分）`}
          />
        ))}
      {o && (
        <DualRegistrationCard key={o.member.registrationState ?? 'none'} member={o.member} onDone={overview.reload} />
      )}
      <Card title="我的岗位" size="small">
        <List
          size="small"
          dataSource={o?.availablePosts ?? []}
          renderItem={(p) => {
            const mine = o?.posts.find((x) => x.postId === p.id);
            return (
              <List.Item
                actions={[
                  mine ? (
                    <Tag key="s">{CLAIM_STATE[mine.state ?? '']}</Tag>
                  ) : (
                    <Button key="c" size="small" onClick={() => act(claimPost(p.id), '已提交认岗申请')}>
                      认岗
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={p.name}
                  description={`${p.duties}；${PERIOD[p.period]}目标 ${p.targetPoints} 分`}
                />
              </List.Item>
            );
          }}
        />
        {claimed.size === 0 && <Alert type="info" title="还没有认领岗位" />}
      </Card>
      <Card title="积分从哪里来（全程纪实）" size="small" loading={record.loading}>
        <Space wrap>
          {record.data?.bySource.map((b) => (
            <Tag key={b.sourceKind} color="red">
              {SOURCE_LABELS[b.sourceKind] ?? b.sourceKind} {b.points} 分
            </Tag>
          ))}
        </Space>
        <List
          size="small"
          dataSource={record.data?.data ?? []}
          renderItem={(r) => (
            <List.Item extra={`+${r.points}`}>
              {formatDate(r.occurredAt)} {SOURCE_LABELS[r.sourceKind] ?? r.sourceKind}
              {r.note ? `（${r.note}）` : ''}
            </List.Item>
          )}
        />
      </Card>
      <Card title="我的承诺" size="small">
        <List
          size="small"
          dataSource={o?.commitments ?? []}
          renderItem={(c) => (
            <List.Item
              extra={<Tag>{{ published: '进行中', fulfilled: '已兑现', unfulfilled: '未兑现' }[c.state]}</Tag>}
            >
              {c.year} 年：{c.content}
            </List.Item>
          )}
        />
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input placeholder="写下今年的承诺" value={text} onChange={(e) => setText(e.target.value)} />
          <Button
            type="primary"
            disabled={text.trim().length < 4}
            onClick={() =>
              act(publishCommitment(pickerNow().year(), text.trim()), '承诺已发布').then(() => setText(''))
            }
          >
            发布
          </Button>
        </Space.Compact>
      </Card>
    </Space>
  );
}
