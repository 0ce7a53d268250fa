import { App, Button, Card, Empty, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { useCommunities } from '../../../shared/use-communities';
import { fetchCommunityPosts, seedDefaultPosts, type CommunityPost } from '../api';
import { PostFormModal } from '../components/PostFormModal';
import { PERIOD_LABELS, SOURCE_OPTIONS } from '../post-form';

const SOURCE = Object.fromEntries(SOURCE_OPTIONS.map((o) => [o.value, o.label]));

/** The community's posts (设岗定责): each post's target per period and the service items that earn points. */
export default function PostsPage() {
  const { message } = App.useApp();
  const me = useMe();
  const communities = useCommunities(me);
  const [picked, setPicked] = useState<number>();
  const communityId = picked ?? communities.data?.[0]?.value;
  const posts = useAsync(
    (s) => (communityId ? fetchCommunityPosts(communityId, s) : Promise.resolve([])),
    [communityId],
  );
  // undefined: closed; null: a new post; a post: editing it.
  const [editing, setEditing] = useState<CommunityPost | null | undefined>(undefined);
  if (communities.data && !communities.data.length)
    return (
      <Card>
        <Empty description="请使用社区或街道账号设置岗位" />
      </Card>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ minWidth: 240 }}
          loading={communities.loading}
          value={communityId}
          onChange={setPicked}
          options={communities.data}
        />
        <Button type="primary" disabled={!communityId} onClick={() => setEditing(null)}>
          新设岗位
        </Button>
        {posts.data && !posts.data.length && communityId && (
          <Button
            onClick={() =>
              seedDefaultPosts(communityId).then(
                (r) => {
                  message.success(`已设置 ${r.data.created} 个默认岗位`);
                  posts.reload();
                },
                (e: unknown) => message.error(errorMessage(e)),
              )
            }
          >
            设置六大默认岗位
          </Button>
        )}
      </Space>
      {posts.error ? (
        <ErrorAlert error={posts.error} onRetry={posts.reload} />
      ) : (
        <Table
          rowKey="id"
          loading={posts.loading}
          dataSource={posts.data}
          pagination={false}
          locale={{ emptyText: '本社区还没有设立岗位' }}
          columns={[
            {
              title: '岗位',
              dataIndex: 'name',
              render: (n: string, p: CommunityPost) => (
                <Space direction="vertical" size={0}>
                  <b>{n}</b>
                  <span style={{ color: '#888' }}>{p.duties}</span>
                </Space>
              ),
            },
            {
              title: '目标',
              key: 'target',
              render: (_: unknown, p: CommunityPost) => `${PERIOD_LABELS[p.period]} ${p.targetPoints} 分`,
            },
            {
              title: '服务项目与积分',
              key: 'items',
              render: (_: unknown, p: CommunityPost) => (
                <Space direction="vertical" size={2}>
                  {p.items.map((i) => (
                    <span key={i.code}>
                      <Tag color="red">+{i.points}</Tag>
                      {i.label}
                      <span style={{ color: '#888' }}>（{SOURCE[i.sourceKind] ?? i.sourceKind}）</span>
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: '',
              key: 'edit',
              render: (_: unknown, p: CommunityPost) => (
                <Button size="small" onClick={() => setEditing(p)}>
                  编辑
                </Button>
              ),
            },
          ]}
        />
      )}
      {communityId && (
        <PostFormModal
          key={editing === undefined ? 'closed' : (editing?.id ?? 'new')}
          communityId={communityId}
          post={editing ?? null}
          open={editing !== undefined}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            posts.reload();
          }}
        />
      )}
    </Space>
  );
}
