import { Form, Input } from 'antd';
import { FormDialog } from '../../meetings/components/FormDialog';

/** The reason a moderator hides something or a resident reports it (at least 2 characters, server rule). */
export function ReasonDialog({
  title,
  okText,
  onSubmit,
  onClose,
  onDone,
}: {
  title: string;
  okText: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
}) {
  return (
    <FormDialog<{ reason: string }>
      title={title}
      okText={okText}
      fields={['reason']}
      onSubmit={(v) => onSubmit(v.reason)}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="reason" label="理由" rules={[{ required: true, min: 2, message: '请填写理由（至少 2 个字）' }]}>
        <Input.TextArea rows={3} maxLength={200} />
      </Form.Item>
    </FormDialog>
  );
}
