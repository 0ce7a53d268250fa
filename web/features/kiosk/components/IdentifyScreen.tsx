import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api';
import { identify, type Identified } from '../api';

/** 身份核验: identity number + mobile phone, checked against base data by the server. */
export function IdentifyScreen({ onDone, onBack }: { onDone: (who: Identified) => void; onBack: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { idNumber: string; phone: string }) => {
    setBusy(true);
    setError(null);
    try {
      onDone((await identify(v.idNumber.trim(), v.phone.trim())).data);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit} size="large">
      <h2>身份核验</h2>
      <Form.Item
        name="idNumber"
        label="身份证号"
        rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: '请输入 18 位身份证号' }]}
      >
        <Input inputMode="text" maxLength={18} autoComplete="off" data-testid="kiosk-id" />
      </Form.Item>
      <Form.Item
        name="phone"
        label="登记的手机号"
        rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号' }]}
      >
        <Input inputMode="numeric" maxLength={11} autoComplete="off" data-testid="kiosk-phone" />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Button className="kiosk-option" type="primary" htmlType="submit" loading={busy}>
        核验
      </Button>
      <Button className="kiosk-option" style={{ marginTop: 16 }} onClick={onBack}>
        返回首页
      </Button>
    </Form>
  );
}
