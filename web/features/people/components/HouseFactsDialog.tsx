import { useEffect, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { errorMessage } from '../../../shared/api';
import { saveHouse } from '../api';
import { HOUSE_USES, toOptions } from '../options';
import type { HouseDetail } from '../types';

interface Values {
  use: string;
  areaM2: number | null;
  ownerName: string;
}

/** Records a house's use, area and owner (the address is the governance tree's and is not edited here). */
export function HouseFactsDialog({
  house,
  open,
  onClose,
  onSaved,
}: {
  house: HouseDetail;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        use: house.facts?.use ?? '自住',
        areaM2: house.facts?.areaM2 ?? null,
        ownerName: house.facts?.ownerName ?? '',
      });
  }, [open, house, form]);
  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      await saveHouse(house.id, { use: v.use, areaM2: v.areaM2 ?? null, ownerName: v.ownerName.trim() || null });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="登记房屋信息"
      open={open}
      onCancel={onClose}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="use" label="用途" rules={[{ required: true, message: '请选择用途' }]}>
          <Select options={toOptions(HOUSE_USES)} />
        </Form.Item>
        <Form.Item name="areaM2" label="建筑面积（㎡）">
          <InputNumber min={1} max={99999} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ownerName" label="产权人">
          <Input maxLength={60} />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
    </Modal>
  );
}
