import { Form, Input, type FormInstance } from 'antd';
import { MOBILE_RE } from '../../../../contracts/phone.ts';
import { confirmPasswordRules } from '../../../shared/confirm-password';

export interface AdminValues {
  username: string;
  displayName: string;
  phone: string;
  password: string;
  confirm: string;
}

/** The first district administrator's account; the server judges the password's strength. */
export function AdminForm({ form }: { form: FormInstance<AdminValues> }) {
  return (
    <Form form={form} layout="vertical" requiredMark={false} autoComplete="off">
      <Form.Item
        label="用户名"
        name="username"
        rules={[
          {
            required: true,
            pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/,
            message: '以字母开头，3–32 位字母、数字或 _ . -',
          },
        ]}
      >
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item
        label="姓名"
        name="displayName"
        rules={[{ required: true, min: 2, whitespace: true, message: '请填写姓名' }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        label="手机号"
        name="phone"
        rules={[{ required: true, pattern: MOBILE_RE, message: '请填写 11 位手机号' }]}
      >
        <Input inputMode="numeric" />
      </Form.Item>
      <Form.Item
        label="密码"
        name="password"
        extra="至少 8 位，不能是常见密码，也不能包含用户名或姓名"
        rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认密码"
        name="confirm"
        dependencies={['password']}
        rules={confirmPasswordRules('password', '请再次输入密码', '两次输入的密码不一致')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </Form>
  );
}
