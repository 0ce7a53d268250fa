import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api';
import { report, type KioskReceipt } from '../api';

interface ReportForm {
  title: string;
  description: string;
  address: string;
  reporterName?: string;
  reporterPhone?: string;
}

/** 反映问题: filed as a case with source 自助终端; anonymous unless the resident identified first. */
export function ReportScreen(props: {
  token: string | null;
  name: string | null;
  onDone: (r: KioskReceipt) => void;
  onBack: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: ReportForm) => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...v, ...(props.token ? { token: props.token } : {}) };
      props.onDone((await report(body)).data);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" size="large" onFinish={submit}>
      <h2>反映问题{props.name ? `（${props.name}）` : ''}</h2>
      <Form.Item name="title" label="问题" rules={[{ required: true, min: 4, max: 40, message: '4–40 个字' }]}>
        <Input placeholder="如：小区路灯不亮" data-testid="kiosk-report-title" />
      </Form.Item>
      <Form.Item
        name="description"
        label="详细描述"
        rules={[{ required: true, min: 5, max: 500, message: '5–500 个字' }]}
      >
        <Input.TextArea rows={3} data-testid="kiosk-report-description" />
      </Form.Item>
      <Form.Item name="address" label="地点" rules={[{ required: true, min: 2, max: 200, message: '请填写地点' }]}>
        <Input placeholder="如：3幢东侧" data-testid="kiosk-report-address" />
      </Form.Item>
      {!props.token && (
        <>
          <Form.Item name="reporterName" label="称呼（可不填）">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="reporterPhone"
            label="联系电话（可不填）"
            rules={[{ pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号' }]}
          >
            <Input inputMode="numeric" maxLength={11} />
          </Form.Item>
        </>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Button className="kiosk-option" type="primary" htmlType="submit" loading={busy}>
        提交
      </Button>
      <Button className="kiosk-option" style={{ marginTop: 16 }} onClick={props.onBack}>
        返回首页
      </Button>
    </Form>
  );
}
