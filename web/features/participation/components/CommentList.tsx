import { App, Button, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api';
import { formatTime } from '../../../shared/time';
import { hideComment, type CommentView } from '../api';

/** Residents' comments; staff hide one with a reason (recorded in the audit log). */
export function CommentList(props: {
  consultationId: number;
  comments: CommentView[];
  manager: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [hiding, setHiding] = useState<CommentView | null>(null);
  const [reason, setReason] = useState('');
  const hide = () =>
    hideComment(props.consultationId, hiding!.id, reason).then(
      () => {
        message.success('已隐藏该意见');
        setHiding(null);
        setReason('');
        props.onChanged();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  return (
    <>
      <List
        dataSource={props.comments}
        locale={{ emptyText: '暂无意见' }}
        renderItem={(c) => (
          <List.Item
            actions={
              props.manager && !c.hidden
                ? [
                    <Button key="hide" size="small" danger onClick={() => setHiding(c)}>
                      隐藏
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  <span>{c.mine ? '我' : c.authorName}</span>
                  <Typography.Text type="secondary">{formatTime(c.createdAt)}</Typography.Text>
                  {c.hidden && <Tag color="red">已隐藏：{c.hiddenReason}</Tag>}
                </Space>
              }
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.body}</span>}
            />
          </List.Item>
        )}
      />
      <Modal
        open={hiding !== null}
        title="隐藏意见"
        okText="隐藏"
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onOk={hide}
        onCancel={() => setHiding(null)}
        destroyOnHidden
      >
        <p>隐藏后其他居民不再看到该意见，操作记入审计日志。</p>
        <Input.TextArea
          rows={3}
          maxLength={200}
          placeholder="请填写隐藏理由"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
