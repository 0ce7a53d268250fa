import { useState } from 'react';
import { Alert, Descriptions, Input, Modal } from 'antd';
import { errorMessage } from '../../../shared/api';
import { revealResident } from '../api';

/** Asks for a reason, then shows one resident's identity number and phone whole (audited server-side). */
export function RevealDialog({
  resident,
  onClose,
}: {
  resident: { id: number; name: string } | null;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<{ idNumber: string; phone: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setShown(null);
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!resident) return;
    setBusy(true);
    try {
      setShown(await revealResident(resident.id, reason.trim()));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`查看 ${resident?.name ?? ''} 的完整信息`}
      open={resident !== null}
      onCancel={close}
      confirmLoading={busy}
      okText={shown ? '关闭' : '查看'}
      onOk={shown ? close : submit}
      okButtonProps={{ disabled: !shown && reason.trim().length < 4 }}
    >
      {shown ? (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="证件号码">{shown.idNumber}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{shown.phone ?? '—'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <>
          <p>查看完整证件号码属于个人信息处理行为，将记录您的姓名、时间和原因，社区书记可审阅。</p>
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="请填写查看原因（至少4个字），如：办理高龄津贴"
            maxLength={200}
          />
        </>
      )}
      {error !== null && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorMessage(error)} />}
    </Modal>
  );
}
