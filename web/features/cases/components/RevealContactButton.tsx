import { useState } from 'react';
import { Alert, Button, Input, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api';
import { revealReporterContact } from '../api';

/**
 * 显示号码: the reporter's phone is masked for everyone; whoever handles the case shows it whole
 * after giving a reason, exactly like a base-data reveal (logged, listed in 个人信息访问记录).
 */
export function RevealContactButton({ caseId, masked }: { caseId: number; masked: string | null }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [phone, setPhone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setOpen(false);
    setReason('');
    setError(null);
  };
  const submit = async () => {
    setBusy(true);
    try {
      const shown = await revealReporterContact(caseId, reason.trim());
      setPhone(shown.phone ?? '—');
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (phone)
    return (
      <Typography.Text copyable={phone !== '—'} strong data-testid="reporter-phone-full">
        <a href={`tel:${phone}`}>{phone}</a>
      </Typography.Text>
    );
  return (
    <>
      <span data-testid="reporter-phone-masked">{masked}</span>
      <Button
        size="small"
        type="link"
        icon={<EyeOutlined />}
        onClick={() => setOpen(true)}
        data-testid="reveal-contact"
      >
        显示号码
      </Button>
      <Modal
        title="查看反映人完整电话"
        open={open}
        onCancel={close}
        confirmLoading={busy}
        okText="查看"
        onOk={submit}
        okButtonProps={{ disabled: reason.trim().length < 4 }}
      >
        <p>
          查看完整电话属于个人信息处理行为，将记录您的姓名、时间、案件和原因，社区书记可在“个人信息访问记录”中审阅。
        </p>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="请填写查看原因（至少4个字），如：回访核实处置情况"
          maxLength={200}
        />
        {error !== null && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorMessage(error)} />}
      </Modal>
    </>
  );
}
