import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { ApiError } from '../../../shared/api';
import { formErrorMessage } from '../../../shared/form-errors';

interface Props<T> {
  title: string;
  okText: string;
  fields: string[];
  initialValues?: Partial<T>;
  onSubmit: (values: T) => Promise<unknown>;
  /** After success: the page reloads what changed. */
  onDone: () => void;
  onClose: () => void;
  successText?: string;
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
}

/**
 * The dialogs of community life share one behaviour: a 422's field errors go next to their
 * fields, and any other refusal (a 409 "step out of order", "slot full") shows the server's
 * Chinese message above the buttons, keeping what the user typed.
 */
export function FormDialog<T extends object>({
  title,
  okText,
  fields,
  initialValues,
  onSubmit,
  onDone,
  onClose,
  successText,
  children,
}: Props<T>) {
  const [form] = Form.useForm<T>();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      message.success(successText ?? `${okText}成功`);
      onClose();
      onDone();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? err.message : formErrorMessage(form, err, fields));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ loading: busy, autoInsertSpace: false }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="dialog-error" />}
    </Modal>
  );
}
