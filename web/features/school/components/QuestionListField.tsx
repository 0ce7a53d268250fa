import { Button, Card, Form, Input, Select, Space } from 'antd';
import type { QuestionBody } from '../../../../contracts/school.ts';

/** A question as the editor holds it: options one per line, answers as letters (A, AC…). */
export interface QuestionDraft {
  kind: 'single' | 'multiple';
  prompt: string;
  optionsText: string;
  answerText: string;
}

export function toDraft(q: QuestionBody): QuestionDraft {
  return {
    kind: q.kind,
    prompt: q.prompt,
    optionsText: q.options.join('\n'),
    answerText: q.answer.map((a) => String.fromCharCode(65 + a)).join(''),
  };
}

export function fromDraft(d: QuestionDraft): QuestionBody {
  return {
    kind: d.kind,
    prompt: d.prompt,
    options: d.optionsText
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean),
    answer: [...d.answerText.toUpperCase().replace(/[^A-H]/g, '')].map((c) => c.charCodeAt(0) - 65),
  };
}

/** The editor of a list of questions (a quiz lesson's, or the exam's), inside the course form. */
export function QuestionListField({ name, label }: { name: (string | number)[]; label: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              title={`${label} 第 ${i + 1} 题`}
              extra={
                <Button type="link" danger onClick={() => remove(f.name)}>
                  删除
                </Button>
              }
            >
              <Form.Item name={[f.name, 'kind']} label="题型" initialValue="single">
                <Select
                  options={[
                    { value: 'single', label: '单选' },
                    { value: 'multiple', label: '多选' },
                  ]}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'prompt']} label="题干" rules={[{ required: true, message: '请填写题干' }]}>
                <Input />
              </Form.Item>
              <Form.Item
                name={[f.name, 'optionsText']}
                label="选项（每行一个）"
                rules={[{ required: true, message: '请填写选项' }]}
              >
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'answerText']}
                label="正确答案（字母，如 A 或 AC）"
                rules={[{ required: true, message: '请填写正确答案' }]}
              >
                <Input style={{ width: 120 }} />
              </Form.Item>
            </Card>
          ))}
          <Button onClick={() => add({ kind: 'single', prompt: '', optionsText: '', answerText: '' })}>添加题目</Button>
        </Space>
      )}
    </Form.List>
  );
}
