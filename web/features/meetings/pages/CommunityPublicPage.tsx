import { useParams } from 'react-router-dom';
import { Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchCommunityPublic } from '../api';
import { DECISION_STEP_LABELS, voteSummary } from '../decision-steps';
import { formatDate } from '../../../shared/time';

/** The community whose page to show: the URL's, or the one the user lives or works in. */
function useCommunityId(): number {
  const me = useMe();
  const fromUrl = Number(useParams().communityId);
  return fromUrl || Number(me.scope?.path.split('/').filter(Boolean)[2] ?? 0);
}

/** 社区公开栏: the published resolutions and results of 四议两公开, phone-sized for residents. */
export default function CommunityPublicPage() {
  const communityId = useCommunityId();
  const page = useAsync(
    (s) => (communityId ? fetchCommunityPublic(communityId, s) : Promise.resolve(null)),
    [communityId],
  );
  if (page.error) return <ErrorAlert error={page.error} onRetry={page.reload} />;
  if (page.loading) return <Skeleton active />;
  // Street and district staff have no community of their own: they open a page from a record.
  if (!page.data) return <Empty description="请从四议两公开事项进入某个社区的公开栏" />;
  return (
    <Card title={`${page.data.community.name} · 公开栏`} style={{ maxWidth: 720, margin: '0 auto' }}>
      {!page.data.decisions.length ? (
        <Empty description="暂无公开事项" />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={page.data.decisions}
          renderItem={(d) => (
            <List.Item key={d.id}>
              <Typography.Title level={5}>
                {d.title} {d.status === 'completed' && <Tag color="green">已公开实施结果</Tag>}
              </Typography.Title>
              <Typography.Paragraph>{d.summary}</Typography.Paragraph>
              <Space direction="vertical" size={2}>
                {d.votes.map((v) => (
                  <span key={v.kind}>
                    {DECISION_STEP_LABELS[v.kind]}：{voteSummary(v)}
                  </span>
                ))}
                {d.published.map((p) => (
                  <div key={p.kind}>
                    <Tag color="red">{DECISION_STEP_LABELS[p.kind]}</Tag>
                    {p.note}
                    <span style={{ color: '#999' }}> {formatDate(p.recordedAt)}</span>
                  </div>
                ))}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
