import { App, Form, Input, InputNumber, Modal, Segmented, Select } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../../../shared/form-errors';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import {
  ASSIGNEE_LABELS,
  dispatchWish,
  fetchDispatchOptions,
  KIND_LABELS,
  type DispatchOptions,
  type Wish,
} from '../api';

type Kind = keyof DispatchOptions;
type Values = { assignee: { id: number }; claimDays?: number; note?: string };

/** 社区派单: choose a party member, a volunteer team or a paired co-building unit of the item's community; they are notified. */
export function DispatchModal({ wish, onClose, onDone }: { wish: Wish; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<Kind>('member');
  const [saving, setSaving] = useState(false);
  const options = useAsync((s) => fetchDispatchOptions(wish.id, s), [wish.id]);
  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const done = await dispatchWish(wish, {
        assignee: { kind, id: values.assignee.id },
        claimDays: values.claimDays,
        note: values.note || undefined,
      });
      message.success(`已派单给${done.claimantName ?? ''}`);
      onDone();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['assignee', 'claimDays', 'note'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const list = options.data?.[kind] ?? [];
  return (
    <Modal
      open
      title={`派单：${KIND_LABELS[wish.kind]}「${wish.title}」`}
      okText="派单"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="派给">
          <Segmented
            block
            value={kind}
            onChange={(v) => {
              setKind(v as Kind);
              form.setFieldValue(['assignee', 'id'], undefined);
            }}
            options={(Object.keys(ASSIGNEE_LABELS) as Kind[]).map((k) => ({ value: k, label: ASSIGNEE_LABELS[k] }))}
          />
        </Form.Item>
        <Form.Item
          name={['assignee', 'id']}
          label={ASSIGNEE_LABELS[kind]}
          rules={[{ required: true, message: `请选择${ASSIGNEE_LABELS[kind]}` }]}
          extra={
            options.data && !list.length
              ? kind === 'co_unit'
                ? '本社区还没有结对共建单位'
                : `本社区没有可选的${ASSIGNEE_LABELS[kind]}`
              : undefined
          }
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={options.loading}
            placeholder={`选择${ASSIGNEE_LABELS[kind]}`}
            options={list.map((o) => ({ value: o.id, label: `${o.name}（${o.detail}）`, disabled: !o.dispatchable }))}
          />
        </Form.Item>
        <Form.Item name="claimDays" label="完成期限（天）" extra="不填则按发布时设定的认领期限">
          <InputNumber min={1} max={90} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="派单说明">
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
