import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { formErrorMessage } from '../../../shared/form-errors';

/**
 * A register form in a dialog: submits, puts the server's 422 details beside their fields
 * (each names the field in Chinese) and shows what no field took above the buttons.
 */
export function FormDialog<T extends object>({
  title,
  open,
  form,
  fields,
  aliases,
  onClose,
  submit,
  children,
  okText = '保存',
}: {
  title: string;
  open: boolean;
  form: FormInstance<T>;
  fields: readonly string[];
  aliases?: Record<string, string>;
  onClose: () => void;
  submit: (values: T) => Promise<void>;
  children: ReactNode;
  okText?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const finish = async (values: T) => {
    setSaving(true);
    setError(null);
    try {
      await submit(values);
    } catch (e) {
      setError(formErrorMessage(form, e, fields, aliases));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      okText={okText}
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={finish}>
        {children}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

/** Trims text fields and turns empty ones into null (the API's "not given"). */
export const blankToNull = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);
