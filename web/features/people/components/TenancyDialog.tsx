import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { fetchPage, registerTenancy } from '../api';
import type { Resident } from '../types';

interface Values {
  residentId: number;
  startOn: string;
  endOn?: string;
}

/**
 * Tenant registration (出租房屋登记) for a house recorded as 出租: the tenant is a registered
 * resident in the user's scope, found by name, address or the last 4 digits of their number.
 */
export function TenancyDialog({
  houseId,
  open,
  onClose,
  onSaved,
}: {
  houseId: number;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [term, setTerm] = useState('');
  const q = useDebouncedValue(term.trim(), 300);
  const found = useAsync(
    (signal) =>
      q.length >= 2
        ? fetchPage<Resident>('/api/people/residents', { q, pageSize: 20 }, signal).then((p) => p.data)
        : Promise.resolve([]),
    [q],
  );
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      await registerTenancy(houseId, {
        residentId: v.residentId,
        startOn: v.startOn,
        ...(v.endOn ? { endOn: v.endOn } : {}),
      });
      form.resetFields();
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="登记租户"
      open={open}
      onCancel={onClose}
      okText="登记"
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="residentId" label="租户（须为已登记居民）" rules={[{ required: true, message: '请选择租户' }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setTerm}
            loading={found.loading}
            placeholder="输入姓名、地址或证件后4位"
            notFoundContent={q.length < 2 ? '请至少输入2个字' : '未找到'}
            options={(found.data ?? []).map((r) => ({
              value: r.id,
              label: `${r.name}（${r.idNumberMasked}）${r.address}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="startOn" label="起租日期" rules={[{ required: true, message: '请填写起租日期' }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="endOn" label="到期日期">
          <Input type="date" />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
    </Modal>
  );
}
