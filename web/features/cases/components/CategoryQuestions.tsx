import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useAsync } from '../../../shared/use-async';
import { fetchQuestions, type Question } from '../config-api';
import { fromPicker } from '../../../shared/time';

/** The category's extra questions, asked under `answers.<code>` of the report form. */
export function CategoryQuestions({ categoryId }: { categoryId?: number }) {
  const { data } = useAsync(
    (signal) => (categoryId ? fetchQuestions(categoryId, signal) : Promise.resolve([])),
    [categoryId],
  );
  if (!data?.length) return null;
  return (
    <>
      {data.map((q) => (
        <Form.Item
          key={q.code}
          name={['answers', q.code]}
          label={q.description}
          tooltip={q.datatypeDescription ?? undefined}
          rules={q.required ? [{ required: true, message: `请填写「${q.description}」` }] : []}
        >
          {field(q)}
        </Form.Item>
      ))}
    </>
  );
}

function field(q: Question) {
  const options = q.values.map((v) => ({ value: v.key, label: v.name }));
  switch (q.datatype) {
    case 'singlevaluelist':
      return <Select options={options} allowClear placeholder="请选择" />;
    case 'multivaluelist':
      return <Select mode="multiple" options={options} allowClear placeholder="可多选" />;
    case 'number':
      return <InputNumber style={{ width: 200 }} />;
    case 'datetime':
      return <DatePicker showTime format="YYYY-MM-DD HH:mm" />;
    case 'text':
      return <Input.TextArea rows={3} maxLength={2000} showCount />;
    default:
      return <Input maxLength={200} />;
  }
}

/** Form values → what the server expects: times with their offset, empty answers left out. */
export function answersPayload(
  values: Record<string, unknown> | undefined,
): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  for (const [code, v] of Object.entries(values ?? {})) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    out[code] =
      typeof v === 'object' && !Array.isArray(v) && 'format' in (v as object)
        ? fromPicker(v as Dayjs)
        : (v as string | number | string[]);
  }
  return out;
}
