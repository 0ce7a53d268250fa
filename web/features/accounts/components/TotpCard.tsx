import { useState } from 'react';
import { Alert, Button, Form, Image, Input, Space, Tag, Typography } from 'antd';
import { errorMessage } from '../../../shared/api';
import { applyFieldErrors } from '../../../shared/form-errors';
import { useAsync } from '../../../shared/use-async';
import { confirmTotp, disableTotp, fetchTotpStatus, setupTotp } from '../api';
import type { TotpSetup } from '../types';

/** 动态口令: enrol with a QR code and a first code; disable with password and a code. */
export function TotpCard({ onEnrolled }: { onEnrolled?: () => void }) {
  const status = useAsync((signal) => fetchTotpStatus(signal), []);
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ password: string; code: string }>();

  async function run(
    work: () => Promise<void>,
    form?: { setFields: (fields: { name: never; errors: string[] }[]) => void },
  ) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      if (!form || !applyFieldErrors(form as Parameters<typeof applyFieldErrors>[0], err, ['code', 'password']))
        setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (status.loading && !status.data) return null;
  const enabled = status.data?.enabled;
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 480 }}>
      <div>
        状态：{enabled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>}
        {status.data?.required && <Tag color="orange">管理员必须使用</Tag>}
      </div>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {!enabled && !setup && (
        <Button type="primary" loading={busy} onClick={() => run(async () => setSetup(await setupTotp()))}>
          绑定动态口令
        </Button>
      )}
      {!enabled && setup && (
        <>
          <Typography.Paragraph>
            用手机上的身份验证器（如 Microsoft Authenticator、Google
            身份验证器、腾讯身份验证器）扫描二维码，然后输入显示的 6 位数字。
          </Typography.Paragraph>
          <Image src={setup.qrDataUrl} alt="动态口令二维码" width={220} preview={false} />
          <Typography.Paragraph type="secondary">
            无法扫码时手动输入密钥：
            <Typography.Text code copyable>
              {setup.secret}
            </Typography.Text>
          </Typography.Paragraph>
          <Form
            form={confirmForm}
            layout="inline"
            onFinish={(v) =>
              run(async () => {
                await confirmTotp(v.code.trim());
                setSetup(null);
                status.reload();
                onEnrolled?.();
              }, confirmForm)
            }
          >
            <Form.Item name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位动态口令' }]}>
              <Input placeholder="6 位动态口令" maxLength={6} inputMode="numeric" autoComplete="one-time-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              确认绑定
            </Button>
          </Form>
        </>
      )}
      {enabled && !status.data?.required && (
        <Form
          form={disableForm}
          layout="vertical"
          onFinish={(v) =>
            run(async () => {
              await disableTotp(v.password, v.code.trim());
              disableForm.resetFields();
              status.reload();
            }, disableForm)
          }
        >
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="动态口令"
            name="code"
            rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位动态口令' }]}
          >
            <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" />
          </Form.Item>
          <Button danger htmlType="submit" loading={busy}>
            停用动态口令
          </Button>
        </Form>
      )}
    </Space>
  );
}
