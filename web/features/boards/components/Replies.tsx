import { useState } from 'react';
import { App, Button, Input, List, Space, Typography } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { createReply, fetchReplies, hideContent, reportContent } from '../api';
import type { Reply } from '../types';
import { ReasonDialog } from './ReasonDialog';
import { formatTime } from '../../../shared/time';

interface Props {
  boardId: number;
  postId: number;
  moderator: boolean;
  canReply: boolean;
  onChanged: () => void;
}

export function Replies({ boardId, postId, moderator, canReply, onChanged }: Props) {
  const me = useMe();
  const { message } = App.useApp();
  const replies = useAsync((s) => fetchReplies(boardId, postId, s), [boardId, postId]);
  const [text, setText] = useState('');
  const [dialog, setDialog] = useState<{ reply: Reply; action: 'hide' | 'report' }>();
  const send = () =>
    createReply(boardId, postId, text).then(
      () => {
        setText('');
        replies.reload();
        onChanged();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  if (replies.error) return <ErrorAlert error={replies.error} onRetry={replies.reload} />;
  return (
    <div style={{ marginTop: 8 }}>
      <List
        size="small"
        loading={replies.loading}
        dataSource={replies.data ?? []}
        locale={{ emptyText: '还没有回复' }}
        renderItem={(r) => (
          <List.Item
            actions={[
              r.authorUserId !== me.id && (
                <Button key="r" size="small" type="text" onClick={() => setDialog({ reply: r, action: 'report' })}>
                  举报
                </Button>
              ),
              moderator && !r.hiddenAt && (
                <Button key="h" size="small" type="text" danger onClick={() => setDialog({ reply: r, action: 'hide' })}>
                  隐藏
                </Button>
              ),
            ]}
          >
            <div>
              <Typography.Text strong>{r.authorName}</Typography.Text>{' '}
              <Typography.Text type="secondary">{formatTime(r.createdAt, 'M/D HH:mm')}</Typography.Text>
              <div>{r.body}</div>
              {r.hiddenAt && <Typography.Text type="warning">已隐藏：{r.hiddenReason}</Typography.Text>}
            </div>
          </List.Item>
        )}
      />
      {canReply && (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={2000}
            placeholder="写回复…"
            onPressEnter={() => text.trim() && send()}
          />
          <Button type="primary" disabled={!text.trim()} onClick={send}>
            回复
          </Button>
        </Space.Compact>
      )}
      {dialog && (
        <ReasonDialog
          title={dialog.action === 'hide' ? '隐藏回复' : '举报回复'}
          okText={dialog.action === 'hide' ? '隐藏' : '举报'}
          onClose={() => setDialog(undefined)}
          onDone={replies.reload}
          onSubmit={(reason) =>
            (dialog.action === 'hide' ? hideContent : reportContent)(boardId, postId, reason, dialog.reply.id)
          }
        />
      )}
    </div>
  );
}
