import { useState } from 'react';
import { Alert, App, Button, Card, Space, Tag, Typography } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { errorMessage } from '../../../shared/api';
import { hideContent, reportContent, resolveHelp } from '../api';
import { POST_KIND_COLOURS, POST_KIND_LABELS, type Post } from '../types';
import { Replies } from './Replies';
import { ReasonDialog } from './ReasonDialog';
import { formatTime } from '../../../shared/time';

interface Props {
  boardId: number;
  post: Post;
  moderator: boolean;
  canReply: boolean;
  onChanged: () => void;
}

/** One post: hidden ones show their reason (only moderators and the author still see them). */
export function PostCard({ boardId, post, moderator, canReply, onChanged }: Props) {
  const me = useMe();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'hide' | 'report'>();
  const [open, setOpen] = useState(false);
  const resolve = () =>
    resolveHelp(boardId, post.id).then(
      () => {
        message.success('已标记为已解决');
        onChanged();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  return (
    <Card
      size="small"
      data-testid="board-post"
      title={
        <Space>
          <Tag color={POST_KIND_COLOURS[post.kind]}>{POST_KIND_LABELS[post.kind]}</Tag>
          {post.title}
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {post.authorName} · {formatTime(post.createdAt, 'M/D HH:mm')}
        </Typography.Text>
      }
    >
      {post.hiddenAt && (
        <Alert type="warning" showIcon title={`已隐藏：${post.hiddenReason}`} style={{ marginBottom: 8 }} />
      )}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{post.body}</Typography.Paragraph>
      {post.kind === 'event' && post.eventAt && (
        <div>
          活动：{formatTime(post.eventAt, 'M月D日 HH:mm')} · {post.eventPlace}
        </div>
      )}
      {post.kind === 'help' &&
        (post.helpResolvedAt ? <Tag color="green">已解决</Tag> : <Tag color="orange">求助中</Tag>)}
      <Space wrap style={{ marginTop: 8 }}>
        <Button size="small" type="link" onClick={() => setOpen(!open)}>
          回复（{post.replies}）
        </Button>
        {post.kind === 'help' && !post.helpResolvedAt && post.authorUserId === me.id && (
          <Button size="small" onClick={resolve}>
            已解决
          </Button>
        )}
        {post.authorUserId !== me.id && (
          <Button size="small" type="text" onClick={() => setDialog('report')}>
            举报
          </Button>
        )}
        {moderator && !post.hiddenAt && (
          <Button size="small" danger onClick={() => setDialog('hide')}>
            隐藏
          </Button>
        )}
      </Space>
      {open && (
        <Replies boardId={boardId} postId={post.id} moderator={moderator} canReply={canReply} onChanged={onChanged} />
      )}
      {dialog && (
        <ReasonDialog
          title={dialog === 'hide' ? '隐藏帖子' : '举报不当内容'}
          okText={dialog === 'hide' ? '隐藏' : '举报'}
          onClose={() => setDialog(undefined)}
          onDone={onChanged}
          onSubmit={(reason) => (dialog === 'hide' ? hideContent : reportContent)(boardId, post.id, reason)}
        />
      )}
    </Card>
  );
}
