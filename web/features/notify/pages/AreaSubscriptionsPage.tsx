import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { NODE_LEVEL_LABELS } from '../../../../contracts/roles.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formErrorMessage } from '../../../shared/form-errors';
import { useAsync } from '../../../shared/use-async';
import { fetchAreas, subscribeArea, unsubscribeArea } from '../api';

const levelLabel = (level: string) => NODE_LEVEL_LABELS[level as keyof typeof NODE_LEVEL_LABELS] ?? level;

interface FormValues {
  nodeId: number;
  events: ('onNew' | 'onClosed')[];
}

/** 区域订阅: hear about new and/or closed cases of a grid or community one may see. */
export default function AreaSubscriptionsPage() {
  const { message, modal } = App.useApp();
  const areas = useAsync((signal) => fetchAreas(signal), []);
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  if (areas.error) return <ErrorAlert error={areas.error} onRetry={areas.reload} />;

  const add = async (v: FormValues) => {
    setError(null);
    try {
      await subscribeArea({
        nodeId: v.nodeId,
        onNew: v.events.includes('onNew'),
        onClosed: v.events.includes('onClosed'),
      });
      message.success('已订阅');
      form.resetFields();
      areas.reload();
    } catch (err) {
      setError(formErrorMessage(form, err, ['nodeId'], { onNew: 'events', onClosed: 'events' }));
    }
  };
  const remove = (id: number, name: string) =>
    modal.confirm({
      title: `取消订阅 ${name}？`,
      okText: '取消订阅',
      onOk: async () => {
        await unsubscribeArea(id);
        areas.reload();
      },
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="区域订阅" loading={areas.loading && !areas.data}>
        <Typography.Paragraph type="secondary">
          订阅所在网格或社区后，有新反映的问题或问题结案时会通知您（站内通知，以及您在“通知方式”中为“区域订阅”选择的渠道）。
        </Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={add} initialValues={{ events: ['onNew'] }}>
          <Form.Item name="nodeId" label="网格/社区" rules={[{ required: true, message: '请选择网格或社区' }]}>
            <Select
              style={{ width: 280 }}
              showSearch
              optionFilterProp="label"
              placeholder="选择网格或社区"
              options={(areas.data?.choices ?? []).map((c) => ({
                value: c.id,
                label: `${c.parentName && c.level === 'grid' ? `${c.parentName} ` : ''}${c.name}（${levelLabel(c.level)}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="events" rules={[{ required: true, message: '请至少选择一项' }]}>
            <Checkbox.Group
              options={[
                { value: 'onNew', label: '新问题' },
                { value: 'onClosed', label: '已结案' },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            订阅
          </Button>
        </Form>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Card>
      <Card title="我的订阅">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={areas.data?.data ?? []}
          locale={{ emptyText: '尚未订阅任何区域' }}
          columns={[
            { key: 'name', title: '区域', render: (_, r) => `${r.nodeName}（${levelLabel(r.nodeLevel)}）` },
            {
              key: 'events',
              title: '通知',
              render: (_, r) => (
                <>
                  {r.onNew && <Tag color="blue">新问题</Tag>}
                  {r.onClosed && <Tag color="green">已结案</Tag>}
                </>
              ),
            },
            {
              key: 'op',
              title: '操作',
              render: (_, r) => (
                <Button size="small" onClick={() => remove(r.id, r.nodeName)}>
                  取消订阅
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
