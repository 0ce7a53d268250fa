import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Result, Skeleton, Space } from 'antd';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { applyFieldErrors } from '../../../shared/form-errors';
import { useAsync } from '../../../shared/use-async';
import { useSession } from '../../../app/session/SessionContext';
import { fetchMyVerification, resubmit, type ClaimInput } from '../api';
import { ClaimFields } from '../components/ClaimFields';

const STATE_TEXT = {
  pending: '等待社区实名核验',
  rejected: '注册信息被退回，请修改后重新提交',
  verified: '已通过实名核验',
} as const;

/** What a self-registered resident sees until their community verifies them: status, staff's note, the correction form. */
export function PendingVerificationPage() {
  const { me, signOut } = useSession();
  const { data, error, loading, reload } = useAsync((signal) => fetchMyVerification(signal), []);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [form] = Form.useForm<ClaimInput>();

  async function onFinish(values: ClaimInput) {
    setSaving(true);
    setSaveError(null);
    try {
      await resubmit({ ...values, houseNodeId: values.houseNodeId ?? data!.house!.houseNodeId });
      setEditing(false);
      reload();
    } catch (err) {
      if (!applyFieldErrors(form, err, ['displayName', 'phone', 'houseNodeId'])) setSaveError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  if (error)
    return (
      <div style={{ padding: 24 }}>
        <ErrorAlert error={error} onRetry={reload} />
      </div>
    );
  if (loading || !data) return <Skeleton active style={{ padding: 24 }} />;
  if (data.state === 'verified') {
    return (
      <Result
        status="success"
        title="已通过实名核验"
        extra={
          <Button type="primary" onClick={() => window.location.assign('/')}>
            进入工作台
          </Button>
        }
      />
    );
  }
  return (
    <div style={{ maxWidth: 560, margin: '40px auto', padding: 16 }}>
      <Card title={`${me?.displayName ?? ''}，您好`} extra={<Button onClick={() => void signOut()}>退出登录</Button>}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type={data.state === 'rejected' ? 'warning' : 'info'}
            showIcon
            title={STATE_TEXT[data.state]}
            description={
              data.state === 'rejected'
                ? `退回原因：${data.note ?? '—'}`
                : '社区工作人员将对照实有人口信息核验您的身份，通常 1–3 个工作日内完成。'
            }
          />
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'name', label: '姓名', children: data.displayName },
              { key: 'phone', label: '手机号', children: data.phone ?? '—' },
              { key: 'house', label: '房屋', children: data.house?.address ?? '—' },
            ]}
          />
          {!editing ? (
            <Button
              type={data.state === 'rejected' ? 'primary' : 'default'}
              onClick={() => {
                form.setFieldsValue({
                  displayName: data.displayName,
                  phone: data.phone ?? '',
                  houseNodeId: data.house?.houseNodeId,
                });
                setEditing(true);
              }}
            >
              修改信息并重新提交
            </Button>
          ) : (
            <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
              {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 16 }} />}
              <ClaimFields currentAddress={data.house?.address} />
              <Space>
                <Button type="primary" htmlType="submit" loading={saving}>
                  重新提交核验
                </Button>
                <Button onClick={() => setEditing(false)}>取消</Button>
              </Space>
            </Form>
          )}
        </Space>
      </Card>
    </div>
  );
}
