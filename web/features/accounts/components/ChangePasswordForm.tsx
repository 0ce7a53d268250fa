import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { ApiError, errorMessage } from '../../../shared/api';
import { changePassword } from '../api';
import { passwordReason } from '../logic';
import { confirmPasswordRules } from '../../../shared/confirm-password';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; the server judges strength and says why a password is refused. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(v: Values) {
    setSaving(true);
    setError(null);
    setDone(false);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      form.resetFields();
      setDone(true);
      onChanged();
    } catch (err) {
      if (
        err instanceof ApiError &&
        err.details.some((d) => d.path === 'newPassword' || d.path === 'currentPassword')
      ) {
        form.setFields(
          err.details
            .filter((d) => d.path === 'newPassword' || d.path === 'currentPassword')
            .map((d) => ({ name: d.path as keyof Values, errors: [passwordReason(err.details, d.path, err.message)] })),
        );
      } else setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }} requiredMark={false}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {done && (
        <Alert type="success" showIcon title="密码已修改，其他设备上的登录已失效。" style={{ marginBottom: 16 }} />
      )}
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        rules={[
          { required: true, message: '请输入新密码' },
          { min: 8, message: '密码至少 8 位' },
        ]}
        extra="至少 8 位；不能包含用户名或姓名，不能是常见密码。建议用几个词组成的长句。"
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={confirmPasswordRules('newPassword', '请再次输入新密码', '两次输入的新密码不一致')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        修改密码
      </Button>
    </Form>
  );
}
