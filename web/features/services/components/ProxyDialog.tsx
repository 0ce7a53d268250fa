import { Form, Input, InputNumber } from 'antd';
import { FormDialog } from '../../meetings/components/FormDialog';
import { createBooking } from '../api';
import type { ServiceItem } from '../types';
import { ResidentPicker } from './ResidentPicker';

type Values = { note: string; residentUserId?: number; personId?: number };

interface Props {
  item: ServiceItem;
  /** Building leaders and grid workers may ask for a resident they serve (双代). */
  onBehalf: boolean;
  /** Staff and grid workers pick the resident from base data (masked search). */
  canPick: boolean;
  /** Staff cannot book for themselves: the resident must be picked. */
  pickRequired: boolean;
  onClose: () => void;
  onDone: () => void;
}

/**
 * 代办/双代: a resident who cannot come asks for proxy service; staff book for a resident who
 * phoned or came by (picked from the community's registered residents); a building leader asks
 * for a resident of their building by account number. The server checks where the resident lives.
 */
export function ProxyDialog({ item, onBehalf, canPick, pickRequired, onClose, onDone }: Props) {
  return (
    <FormDialog<Values>
      title={`申请代办：${item.name}`}
      okText="提交代办"
      successText="代办申请已提交"
      fields={['note', 'residentUserId', 'personId']}
      onClose={onClose}
      onDone={onDone}
      onSubmit={(v) =>
        createBooking({
          mode: 'proxy',
          serviceItemId: item.id,
          note: v.note,
          residentUserId: v.residentUserId ?? undefined,
          personId: v.personId ?? undefined,
        })
      }
    >
      {canPick ? (
        <Form.Item
          name="personId"
          label={pickRequired ? '代哪位居民申请' : '代哪位居民申请（不选为本人）'}
          rules={pickRequired ? [{ required: true, message: '请选择居民' }] : []}
        >
          <ResidentPicker />
        </Form.Item>
      ) : (
        onBehalf && (
          <Form.Item name="residentUserId" label="代哪位居民申请（居民账号编号，不填为本人）">
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        )
      )}
      <Form.Item name="note" label="需求说明" rules={[{ required: true, message: '请说明需求，如联系电话、上门时间' }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}
