import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { createKey, fetchKeys, revokeKey, type Open311Key } from '../api';
import { CommunityPicker } from '../components/CommunityPicker';
import { formatTime } from '../../../shared/time';

interface NewKey {
  clientName: string;
  communityId: number;
  ratePerMinute: number;
}

/** Issue and revoke the API keys of outside clients (apps, the 12345 hotline) reporting over Open311. */
export default function KeysPage() {
  const { message } = App.useApp();
  const keys = useAsync((s) => fetchKeys(s), []);
  const [form] = Form.useForm<NewKey>();
  const [issued, setIssued] = useState<string | null>(null);
  const submit = (values: NewKey) =>
    createKey(values).then(
      (r) => {
        setIssued(r.key);
        form.resetFields();
        keys.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  const revoke = (k: Open311Key) =>
    revokeKey(k.id).then(
      () => {
        message.success(`已吊销 ${k.clientName} 的密钥`);
        keys.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title="签发接入密钥">
        <Typography.Paragraph type="secondary">
          外部应用和热线系统通过 Open311 GeoReport v2
          接口（/open311/v2）上报诉求，进入所选社区的待受理列表，由社区立案后流转。
        </Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={submit} initialValues={{ ratePerMinute: 60 }}>
          <Form.Item name="clientName" label="客户端名称" rules={[{ required: true, message: '请填写客户端名称' }]}>
            <Input placeholder="如 hotline-12345" />
          </Form.Item>
          <Form.Item
            name="communityId"
            label="受理社区"
            rules={[{ required: true, message: '请选择受理社区' }]}
            style={{ minWidth: 260 }}
          >
            <CommunityPicker />
          </Form.Item>
          <Form.Item name="ratePerMinute" label="每分钟上限">
            <InputNumber min={1} max={6000} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            签发
          </Button>
        </Form>
      </Card>
      {keys.error ? (
        <ErrorAlert error={keys.error} onRetry={keys.reload} />
      ) : (
        <Table<Open311Key>
          rowKey="id"
          size="small"
          loading={keys.loading}
          dataSource={keys.data ?? []}
          scroll={{ x: true }}
          pagination={false}
          columns={[
            { title: '客户端', dataIndex: 'clientName' },
            { title: '密钥前缀', dataIndex: 'keyPrefix', render: (p: string) => <code>{p}…</code> },
            { title: '受理社区', render: (_, k) => k.community.name },
            { title: '上报数', dataIndex: 'requestCount' },
            { title: '每分钟上限', dataIndex: 'ratePerMinute' },
            { title: '签发时间', dataIndex: 'createdAt', render: (t: string) => formatTime(t, 'YYYY-MM-DD HH:mm:ss') },
            { title: '状态', render: (_, k) => (k.revokedAt ? <Tag>已吊销</Tag> : <Tag color="green">有效</Tag>) },
            {
              title: '操作',
              render: (_, k) =>
                !k.revokedAt && (
                  <Popconfirm title={`吊销后 ${k.clientName} 将无法再上报，确定吊销？`} onConfirm={() => revoke(k)}>
                    <Button size="small" danger>
                      吊销
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      <Modal
        open={issued !== null}
        title="新密钥（只显示这一次）"
        onOk={() => setIssued(null)}
        onCancel={() => setIssued(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Typography.Paragraph>请立即复制并妥善交给对方，系统只保存其摘要，之后无法再次查看。</Typography.Paragraph>
        <Typography.Paragraph copyable code>
          {issued}
        </Typography.Paragraph>
      </Modal>
    </Space>
  );
}
