import type { z } from 'zod';
import type { loginBody } from '../../../../contracts/accounts.ts';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError, errorMessage, safeNextPath } from '../../../shared/api';
import { useSession } from '../../../app/session/SessionContext';
import { login } from '../../../app/session/api';
import { DemoAccountsHint } from '../components/DemoAccountsHint';

type Credentials = z.input<typeof loginBody>;

export function LoginPage() {
  const { me, signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [form] = Form.useForm<Credentials>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Shown once the server says this account signs in with a one-time code (AUTH_TOTP_REQUIRED).
  const [needsCode, setNeedsCode] = useState(false);

  if (me) return <Navigate to={next} replace />;

  async function onFinish(values: Credentials) {
    setSubmitting(true);
    setError(null);
    try {
      signedIn(await login(values.username.trim(), values.password, needsCode ? values.code?.trim() : undefined));
      void navigate(next, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'AUTH_TOTP_REQUIRED') {
        setNeedsCode(true);
        setSubmitting(false);
        return;
      }
      if (err instanceof ApiError && err.code === 'AUTH_TOTP_INVALID') {
        form.setFields([{ name: 'code', errors: [err.message] }]);
        setSubmitting(false);
        return;
      }
      // Field-level problems go under their inputs; everything else (401, 429) above the form.
      const fieldErrors = err instanceof ApiError ? err.details.filter((d) => d.path in values) : [];
      if (fieldErrors.length > 0) {
        form.setFields(fieldErrors.map((d) => ({ name: d.path as keyof Credentials, errors: [d.message] })));
      } else {
        setError(errorMessage(err));
      }
      setSubmitting(false);
    }
  }

  return (
    <div style={pageStyle}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          蜂巢 · 党建引领网格化治理
        </Typography.Title>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {needsCode && (
            <Form.Item
              label="动态口令"
              name="code"
              extra="打开手机上的身份验证器，输入显示的 6 位数字"
              rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位动态口令' }]}
            >
              <Input
                prefix={<SafetyOutlined />}
                maxLength={6}
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
              />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
        <div style={{ marginTop: 12, textAlign: 'center' }}>
          居民还没有账号？<Link to="/signup">居民注册</Link>
        </div>
      </Card>
      <DemoAccountsHint />
    </div>
  );
}

const pageStyle = {
  minHeight: '100vh',
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  justifyContent: 'center',
  gap: 16,
  background: 'linear-gradient(180deg, #fff1f0 0%, #f5f5f5 60%)',
} as const;
