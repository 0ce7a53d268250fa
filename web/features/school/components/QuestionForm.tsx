import { Button, Checkbox, Form, Radio, Space } from 'antd';
import { useState } from 'react';

interface Question {
  id: number;
  kind: 'single' | 'multiple';
  prompt: string;
  options: string[];
}

/** The questions of a quiz or an exam; hands the chosen option indexes by question id to `onSubmit`. */
export function QuestionForm({
  questions,
  submitLabel,
  disabled,
  onSubmit,
}: {
  questions: Question[];
  submitLabel: string;
  disabled?: boolean;
  onSubmit: (answers: Record<string, number[]>) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Record<string, number | number[]>>();
  const submit = async (values: Record<string, number | number[] | undefined>) => {
    const answers: Record<string, number[]> = {};
    for (const q of questions) {
      const v = values[`q${q.id}`];
      answers[String(q.id)] = v === undefined ? [] : Array.isArray(v) ? v : [v];
    }
    setBusy(true);
    try {
      await onSubmit(answers);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={disabled}>
      {questions.map((q, i) => (
        <Form.Item
          key={q.id}
          name={`q${q.id}`}
          label={`${i + 1}. ${q.prompt}（${q.kind === 'single' ? '单选' : '多选'}）`}
          rules={[{ required: true, message: '请作答' }]}
        >
          {q.kind === 'single' ? (
            <Radio.Group>
              <Space direction="vertical">
                {q.options.map((o, k) => (
                  <Radio key={k} value={k}>
                    {String.fromCharCode(65 + k)}. {o}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          ) : (
            <Checkbox.Group>
              <Space direction="vertical">
                {q.options.map((o, k) => (
                  <Checkbox key={k} value={k}>
                    {String.fromCharCode(65 + k)}. {o}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          )}
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
