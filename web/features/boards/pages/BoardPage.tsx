import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, List, Pagination, Segmented, Skeleton, Space } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchBoard, fetchPosts } from '../api';
import { NewPostDialog } from '../components/NewPostDialog';
import { PostCard } from '../components/PostCard';
import { POST_KIND_LABELS, type PostKind } from '../types';
import { useLiveEvents } from '../../cases/live';

/** One 四合院 on the phone: announcements on top, filter by kind, post, reply, report; moderators see open reports. */
export default function BoardPage() {
  const id = Number(useParams().id);
  const board = useAsync((s) => fetchBoard(id, s), [id]);
  const [kind, setKind] = useState<PostKind | 'all'>('all');
  const [page, setPage] = useState(1);
  const posts = useAsync((s) => fetchPosts(id, kind === 'all' ? undefined : kind, page, s), [id, kind, page]);
  const [posting, setPosting] = useState(false);
  // New posts, replies, reports and hidden posts on this board (moderators by scope, authors by name).
  useLiveEvents(['board.changed'], (m) => {
    if (m.reset || (m as { boardId?: number }).boardId === id) {
      posts.reload();
      board.reload();
    }
  });
  if (board.error) return <ErrorAlert error={board.error} onRetry={board.reload} />;
  if (!board.data) return <Skeleton active />;
  const abilities = board.data.abilities;
  const moderator = abilities.includes('moderate');
  const kinds: PostKind[] = [
    ...(abilities.includes('announce') ? ['announcement' as const] : []),
    ...(abilities.includes('post') ? (['post', 'help', 'event'] as const) : []),
  ];
  const reload = () => {
    posts.reload();
    board.reload();
  };
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}>
      <Card
        size="small"
        title={board.data.data.name}
        extra={
          kinds.length > 0 && (
            <Button type="primary" onClick={() => setPosting(true)}>
              发布
            </Button>
          )
        }
      >
        <Segmented
          block
          value={kind}
          onChange={(v) => {
            setKind(v as PostKind | 'all');
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            ...Object.entries(POST_KIND_LABELS).map(([value, label]) => ({ value, label })),
          ]}
        />
      </Card>
      {moderator && board.data.data.reports.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`待处理举报 ${board.data.data.reports.length} 条`}
          description={
            <List
              size="small"
              dataSource={board.data.data.reports}
              renderItem={(r) => (
                <List.Item>
                  帖子 #{r.postId}
                  {r.replyId ? ` 回复 #${r.replyId}` : ''}：{r.reason}
                </List.Item>
              )}
            />
          }
        />
      )}
      {posts.error ? (
        <ErrorAlert error={posts.error} onRetry={posts.reload} />
      ) : !posts.data ? (
        <Skeleton active />
      ) : !posts.data.data.length ? (
        <Empty description="还没有内容" />
      ) : (
        posts.data.data.map((p) => (
          <PostCard
            key={p.id}
            boardId={id}
            post={p}
            moderator={moderator}
            canReply={abilities.includes('post') || abilities.includes('announce')}
            onChanged={reload}
          />
        ))
      )}
      {(posts.data?.page.total ?? 0) > 20 && (
        <Pagination current={page} pageSize={20} total={posts.data?.page.total} onChange={setPage} />
      )}
      {posting && <NewPostDialog boardId={id} kinds={kinds} onClose={() => setPosting(false)} onDone={reload} />}
    </Space>
  );
}
