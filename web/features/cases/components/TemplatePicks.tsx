import { Button, Form, Space, Typography } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { fetchOfferedTemplates } from '../config-api';

/** Canned replies (常用回复) for this action and category, one click fills the text field. */
export function TemplatePicks({
  action,
  categoryId,
  field,
}: {
  action: string;
  categoryId: number | null;
  field: string;
}) {
  const form = Form.useFormInstance();
  const { data } = useAsync(
    (signal) => fetchOfferedTemplates(action, categoryId, signal).catch(() => []),
    [action, categoryId],
  );
  if (!data?.length) return null;
  return (
    <Space size={[4, 4]} wrap style={{ marginBottom: 8 }} aria-label="常用回复">
      <Typography.Text type="secondary">常用回复：</Typography.Text>
      {data.map((t) => (
        <Button key={t.id} size="small" type="dashed" onClick={() => form.setFieldValue(field, t.text)} title={t.text}>
          {t.text.length > 16 ? `${t.text.slice(0, 16)}…` : t.text}
        </Button>
      ))}
    </Space>
  );
}
