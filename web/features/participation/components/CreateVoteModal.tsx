import { Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { createVoteRound } from '../api';
import { CreateModal, defaultWindow, WindowField } from './create-form';

interface Values {
  title: string;
  description: string;
  votesPerResident: number;
  budgetCapYuan: number;
  projects: { title: string; budgetYuan: number; description: string }[];
  window: [Dayjs, Dayjs];
}

export function CreateVoteModal(props: { communityId: number; onClose: () => void; onCreated: (id: number) => void }) {
  const [form] = Form.useForm<Values>();
  const empty = { title: '', budgetYuan: 10000, description: '' };
  return (
    <CreateModal<Values>
      title="发起微项目投票"
      width={760}
      form={form}
      fields={['title', 'description', 'votesPerResident', 'budgetCapYuan', 'projects']}
      send={(body) => createVoteRound({ ...body, communityId: props.communityId })}
      onClose={props.onClose}
      onCreated={props.onCreated}
      initialValues={{
        window: defaultWindow(14),
        description: '',
        votesPerResident: 2,
        budgetCapYuan: 100000,
        projects: [empty, empty],
      }}
    >
      <Form.Item name="title" label="投票标题" rules={[{ required: true, min: 2, max: 80, message: '标题 2–80 个字' }]}>
        <Input placeholder="如：2026 年度社区微项目投票" />
      </Form.Item>
      <Form.Item name="description" label="说明">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="votesPerResident" label="每人票数（每个项目 1 票）" rules={[{ required: true }]}>
          <InputNumber min={1} max={10} precision={0} />
        </Form.Item>
        <Form.Item name="budgetCapYuan" label="总预算（元）" rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <WindowField />
      <Form.List name="projects">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                title={`候选项目 ${i + 1}`}
                extra={
                  <Button
                    size="small"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label="删除此项目"
                  />
                }
              >
                <Space wrap align="start">
                  <Form.Item
                    name={[f.name, 'title']}
                    label="项目名称"
                    rules={[{ required: true, message: '请填写名称' }]}
                  >
                    <Input style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'budgetYuan']} label="预算（元）" rules={[{ required: true }]}>
                    <InputNumber min={1} precision={0} style={{ width: 140 }} />
                  </Form.Item>
                </Space>
                <Form.Item
                  name={[f.name, 'description']}
                  label="项目说明"
                  rules={[{ required: true, message: '请填写说明' }]}
                >
                  <Input.TextArea rows={2} />
                </Form.Item>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add(empty)}>
              添加候选项目
            </Button>
          </Space>
        )}
      </Form.List>
    </CreateModal>
  );
}
