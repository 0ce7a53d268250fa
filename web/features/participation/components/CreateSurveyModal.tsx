import { Button, Card, Form, Input, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { QUESTION_KIND_LABELS, QUESTION_KINDS, type QuestionKind } from '../../../../contracts/participation.ts';
import { createSurvey } from '../api';
import { CreateModal, defaultWindow, WindowField } from './create-form';

interface Values {
  title: string;
  intro: string;
  questions: { kind: QuestionKind; title: string; options: string[]; required: boolean }[];
  window: [Dayjs, Dayjs];
}

const KIND_OPTIONS = QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }));

export function CreateSurveyModal(props: {
  communityId: number;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <CreateModal<Values>
      title="发布问卷"
      width={760}
      form={form}
      fields={['title', 'intro', 'questions']}
      send={(body) =>
        createSurvey({
          ...body,
          communityId: props.communityId,
          questions: body.questions.map((q) => ({ ...q, options: q.kind === 'text' ? [] : (q.options ?? []) })),
        })
      }
      onClose={props.onClose}
      onCreated={props.onCreated}
      initialValues={{
        window: defaultWindow(30),
        intro: '',
        questions: [{ kind: 'single', title: '', options: ['满意', '不满意'], required: true }],
      }}
    >
      <Form.Item name="title" label="问卷标题" rules={[{ required: true, min: 2, max: 80, message: '标题 2–80 个字' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="intro" label="说明">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <WindowField />
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                title={`第 ${i + 1} 题`}
                extra={
                  <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此题" />
                }
              >
                <Space wrap>
                  <Form.Item name={[f.name, 'kind']} label="题型">
                    <Select options={KIND_OPTIONS} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'required']} label="必答" valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Space>
                <Form.Item name={[f.name, 'title']} label="题目" rules={[{ required: true, message: '请填写题目' }]}>
                  <Input />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() =>
                    form.getFieldValue(['questions', f.name, 'kind']) !== 'text' && (
                      <Form.Item name={[f.name, 'options']} label="选项（回车添加）">
                        <Select mode="tags" open={false} placeholder="输入选项后回车" />
                      </Form.Item>
                    )
                  }
                </Form.Item>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ kind: 'single', title: '', options: [], required: true })}
            >
              添加题目
            </Button>
          </Space>
        )}
      </Form.List>
    </CreateModal>
  );
}
