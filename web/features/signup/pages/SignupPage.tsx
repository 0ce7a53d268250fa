import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { errorMessage } from '../../../shared/api';
import { applyFieldErrors } from '../../../shared/form-errors';
import { useSession } from '../../../app/session/SessionContext';
import { signUp, type ClaimInput } from '../api';
import { ClaimFields } from '../components/ClaimFields';
import { confirmPasswordRules } from '../../../shared/confirm-password';

type Values = ClaimInput & { username: string; password: string; confirm: string };
const FIELDS = ['displayName', 'phone', 'houseNodeId', 'username', 'password'] as const;

/** 居民注册: a public page; the new account waits for the community's real-name check. */
export function SignupPage() {
  const { me, signedIn } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (me) return <Navigate to="/" replace />;

  async function onFinish(values: Values) {
    setSubmitting(true);
    setError(null);
    try {
      const { confirm: _c, ...body } = values;
      signedIn(await signUp({ ...body, username: body.username.trim() }));
      void navigate('/', { replace: true });
    } catch (err) {
      // Field problems go under their inputs; what the user typed stays in the form.
      if (!applyFieldErrors(form, err, FIELDS)) setError(errorMessage(err));
      setSubmitting(false);
    }
  }

  return (
    <div style={pageStyle}>
      <Card style={{ width: 440, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          居民注册
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          注册后由所在社区工作人员进行实名核验，核验通过即可上报问题、预约服务、参加活动。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <ClaimFields />
          <Form.Item
            label="用户名"
            name="username"
            rules={[
              { required: true, message: '请输入用户名' },
              { pattern: /^[A-Za-z0-9_.-]{4,32}$/, message: '4–32 位字母、数字、下划线、点或短横线' },
            ]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[
              { required: true, message: '请输入密码' },
              { min: 8, message: '密码至少 8 位' },
            ]}
            extra="至少 8 位，不要使用常见密码或包含姓名、用户名"
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
          <Button type="primary" htmlType="submit" block loading={submitting}>
            提交注册
          </Button>
        </Form>
        <div style={{ marginTop: 12, textAlign: 'center' }}>
          已有账号？<Link to="/login">去登录</Link>
        </div>
      </Card>
    </div>
  );
}

const pageStyle = {
  minHeight: '100vh',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  padding: 16,
  background: 'linear-gradient(180deg, #fff1f0 0%, #f5f5f5 60%)',
} as const;
