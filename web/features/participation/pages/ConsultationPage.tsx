import { App, Button, Card, Descriptions, Form, Input, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { errorMessage, readCookie } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { attachmentUrl, fetchComments, fetchConsultation, postComment, respond } from '../api';
import { CommentList } from '../components/CommentList';
import { PhaseTag } from '../components/PhaseTag';

export default function ConsultationPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const item = useAsync((s) => fetchConsultation(id, s), [id]);
  const comments = useAsync((s) => fetchComments(id, s), [id]);
  const [draft, setDraft] = useState('');
  const [summary, setSummary] = useState<string>();
  if (item.error) return <ErrorAlert error={item.error} onRetry={item.reload} />;
  if (!item.data) return <Card loading />;
  const c = item.data.data;
  const manager = item.data.abilities.includes('manage');
  const canComment = item.data.abilities.includes('comment');
  const send = () =>
    postComment(id, draft).then(
      () => {
        message.success('意见已提交');
        setDraft('');
        comments.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  const publish = () =>
    respond(id, summary ?? c.responseSummary ?? '').then(
      () => {
        message.success('采纳情况已公布');
        item.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>
        {c.title} <PhaseTag phase={c.phase} />
      </Typography.Title>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="社区">{c.communityName}</Descriptions.Item>
          <Descriptions.Item label="开始">{formatTime(c.opensAt)}</Descriptions.Item>
          <Descriptions.Item label="截止">{formatTime(c.closesAt)}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Typography.Paragraph>
        <Space wrap>
          {c.attachments.map((a) => (
            <a key={a.id} href={attachmentUrl(a.id)}>
              📎 {a.name}
            </a>
          ))}
          {manager && (
            <Upload
              action={`/api/participation/consultations/${id}/attachments`}
              headers={{ 'x-csrf-token': readCookie(document.cookie, 'gh_csrf') ?? '' }}
              showUploadList={false}
              onChange={(info) => {
                if (info.file.status === 'done') {
                  message.success('附件已上传');
                  item.reload();
                } else if (info.file.status === 'error') {
                  message.error((info.file.response as { error?: { message?: string } })?.error?.message ?? '上传失败');
                }
              }}
            >
              <Button size="small" icon={<UploadOutlined />}>
                上传附件
              </Button>
            </Upload>
          )}
        </Space>
      </Card>
      <Card size="small" title="意见采纳情况">
        {c.responseSummary ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {c.responseSummary}（{formatTime(c.respondedAt)} 公布）
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">尚未公布</Typography.Text>
        )}
        {manager && (
          <Form layout="vertical" onFinish={publish}>
            <Form.Item label="公布或修改采纳情况">
              <Input.TextArea
                rows={4}
                maxLength={5000}
                value={summary ?? c.responseSummary ?? ''}
                onChange={(e) => setSummary(e.target.value)}
              />
            </Form.Item>
            <Button htmlType="submit" type="primary" disabled={!(summary ?? c.responseSummary ?? '').trim()}>
              公布
            </Button>
          </Form>
        )}
      </Card>
      <Card size="small" title={`居民意见（${c.comments} 条）`}>
        {canComment && (
          <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
            <Input.TextArea
              rows={2}
              maxLength={2000}
              placeholder="发表您的意见"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            <Button type="primary" disabled={!draft.trim()} onClick={send}>
              提交意见
            </Button>
          </Space.Compact>
        )}
        {comments.error ? (
          <ErrorAlert error={comments.error} onRetry={comments.reload} />
        ) : (
          <CommentList
            consultationId={id}
            comments={comments.data?.data ?? []}
            manager={manager}
            onChanged={comments.reload}
          />
        )}
      </Card>
    </Space>
  );
}
