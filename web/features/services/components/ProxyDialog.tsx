import { Form, Input, InputNumber } from 'antd';
import { FormDialog } from '../../meetings/components/FormDialog';
import { createBooking } from '../api';
import type { ServiceItem } from '../types';

type Values = { note: string; residentUserId?: number };

/**
 * 代办/双代: a resident who cannot come asks for proxy service; a building leader or grid worker
 * may ask on behalf of a resident they serve (the resident's account number; the server checks
 * that the resident lives in their area).
 */
export function ProxyDialog({ item, onBehalf, onClose, onDone }: { item: ServiceItem; onBehalf: boolean; onClose: () => void; onDone: () => void }) {
  return (
    <FormDialog<Values> title={`申请代办：${item.name}`} okText="提交代办" successText="代办申请已提交" fields={['note', 'residentUserId']} onClose={onClose} onDone={onDone}
      onSubmit={(v) => createBooking({ mode: 'proxy', serviceItemId: item.id, note: v.note, residentUserId: v.residentUserId ?? undefined })}>
      {onBehalf && (
        <Form.Item name="residentUserId" label="代哪位居民申请（居民账号编号，不填为本人）"><InputNumber min={1} style={{ width: '100%' }} /></Form.Item>
      )}
      <Form.Item name="note" label="需求说明" rules={[{ required: true, message: '请说明需求，如联系电话、上门时间' }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
    </FormDialog>
  );
}
