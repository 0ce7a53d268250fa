import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { WEBHOOK_EVENT_KINDS, WEBHOOK_EVENT_LABELS } from '../../../../contracts/notify.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formErrorMessage } from '../../../shared/form-errors';
import { formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { createWebhook, deleteWebhook, fetchWebhooks, updateWebhook, type Webhook, type WebhookInput } from '../api';

const kindLabel = (k: string) => WEBHOOK_EVENT_LABELS[k as keyof typeof WEBHOOK_EVENT_LABELS] ?? k;

/** Webhook 订阅方: outside systems that receive signed case events of this area. */
export default function WebhooksPage() {
  const { message, modal } = App.useApp();
  const hooks = useAsync((signal) => fetchWebhooks(signal), []);
  const [form] = Form.useForm<WebhookInput>();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (hooks.error) return <ErrorAlert error={hooks.error} onRetry={hooks.reload} />;

  const open = (hook: Webhook | 'new') => {
    setError(null);
    setEditing(hook);
    form.setFieldsValue(hook === 'new' ? { name: '', url: '', kinds: ['case.created'], active: true } : { ...hook });
  };
  const submit = async (v: WebhookInput) => {
    setError(null);
    try {
      if (editing === 'new') {
        const created = await createWebhook(v);
        modal.info({
          title: '订阅方已登记',
          width: 560,
          content: (
            <>
              <Typography.Paragraph>签名密钥只显示这一次，请交给接收方妥善保存：</Typography.Paragraph>
              <Typography.Paragraph code copyable>
                {created.secret}
              </Typography.Paragraph>
            </>
          ),
        });
      } else if (editing) {
        await updateWebhook(editing.id, v);
        message.success('已保存');
      }
      setEditing(null);
      hooks.reload();
    } catch (err) {
      setError(formErrorMessage(form, err, ['name', 'url', 'kinds', 'active']));
    }
  };
  const remove = (hook: Webhook) =>
    modal.confirm({
      title: `删除订阅方 ${hook.name}？`,
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        await deleteWebhook(hook.id);
        hooks.reload();
      },
    });

  return (
    <Card
      title="Webhook 订阅方"
      extra={
        <Button type="primary" onClick={() => open('new')}>
          登记订阅方
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        本辖区的案件事件以 JSON POST 推送给订阅方。请求头 X-GridHive-Timestamp 为 Unix 秒，X-GridHive-Signature 为
        “sha256=” 加 HMAC-SHA256(密钥, 时间戳 + “.” + 请求体)
        的十六进制；失败按指数退避重试，多次失败后进入死信，可在“通知发送记录”中重新发送。
      </Typography.Paragraph>
      <Table<Webhook>
        rowKey="id"
        size="small"
        loading={hooks.loading}
        dataSource={hooks.data ?? []}
        pagination={false}
        columns={[
          { key: 'name', title: '名称', dataIndex: 'name' },
          { key: 'url', title: '地址', dataIndex: 'url', ellipsis: true },
          { key: 'kinds', title: '事件', render: (_, h) => h.kinds.map((k) => <Tag key={k}>{kindLabel(k)}</Tag>) },
          {
            key: 'active',
            title: '状态',
            render: (_, h) => (h.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
          },
          { key: 'createdAt', title: '登记时间', render: (_, h) => formatTime(h.createdAt) },
          {
            key: 'op',
            title: '操作',
            render: (_, h) => (
              <Space>
                <Button size="small" onClick={() => open(h)}>
                  修改
                </Button>
                <Button size="small" danger onClick={() => remove(h)}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '登记订阅方' : '修改订阅方'}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText="保存"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="url" label="接收地址（http/https）" rules={[{ required: true, message: '请填写地址' }]}>
            <Input placeholder="https://example.cn/gridhive/webhook" />
          </Form.Item>
          <Form.Item name="kinds" label="推送事件" rules={[{ required: true, message: '至少选择一种事件' }]}>
            <Checkbox.Group options={WEBHOOK_EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} />
          </Form.Item>
          <Form.Item name="active" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      </Modal>
    </Card>
  );
}
