import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import {
  CO_UNIT_TYPE_LABELS,
  PAIRING_RELATION_LABELS,
  PAIRING_RELATIONS_BY_KIND,
} from '../../../../contracts/party-org-labels.ts';
import { applyFieldErrors } from '../../../shared/form-errors';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { createCoUnit, fetchCoUnitDirectory, pairCoUnit, type PartyOrgDetail } from '../org-api';
import type { Dayjs } from 'dayjs';

type PairingValues = { coUnitId: number; relation: 'member' | 'base' | 'pair'; agreement?: string; signedOn?: Dayjs };
type UnitValues = { name: string; type: keyof typeof CO_UNIT_TYPE_LABELS; address?: string; contactName?: string };

/** 结对共建: pick a co-building unit (or register a new one here) and pair it with the community's joint committee or the grid's branch. */
export function PairingModal({
  org,
  onClose,
  onPaired,
}: {
  org: PartyOrgDetail;
  onClose: () => void;
  onPaired: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PairingValues>();
  const [unitForm] = Form.useForm<UnitValues>();
  const [registering, setRegistering] = useState(false);
  const [saving, setSaving] = useState(false);
  const units = useAsync((s) => fetchCoUnitDirectory(s), []);
  const relations = PAIRING_RELATIONS_BY_KIND[org.kind] ?? [];
  const taken = new Set(org.pairings.map((p) => p.coUnitId));

  const pair = async (values: PairingValues) => {
    setSaving(true);
    try {
      await pairCoUnit(org.id, {
        coUnitId: values.coUnitId,
        relation: values.relation,
        agreement: values.agreement || undefined,
        signedOn: values.signedOn?.format('YYYY-MM-DD'),
      });
      message.success('已结对');
      onPaired();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['coUnitId', 'relation', 'agreement', 'signedOn'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const register = async (values: UnitValues) => {
    try {
      const unit = await createCoUnit({
        name: values.name,
        type: values.type,
        address: values.address || undefined,
        contactName: values.contactName || undefined,
      });
      message.success(`已登记共建单位「${unit.name}」`);
      units.reload();
      form.setFieldValue('coUnitId', unit.id);
      setRegistering(false);
      unitForm.resetFields();
    } catch (e) {
      if (!applyFieldErrors(unitForm, e, ['name', 'type', 'address', 'contactName'])) message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title={`与「${org.name}」结对共建`}
      okText="结对"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ relation: relations[0] }} onFinish={pair}>
        <Form.Item label="共建单位" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="coUnitId" noStyle rules={[{ required: true, message: '请选择共建单位' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                placeholder="选择共建单位"
                loading={units.loading}
                style={{ width: '100%' }}
                options={units.data?.map((u) => ({
                  value: u.id,
                  label: `${u.name}（${CO_UNIT_TYPE_LABELS[u.type]}）`,
                  disabled: taken.has(u.id),
                }))}
              />
            </Form.Item>
            <Button onClick={() => setRegistering((r) => !r)}>登记新单位</Button>
          </Space.Compact>
        </Form.Item>
        {registering ? (
          <Form component={false} form={unitForm} onFinish={register}>
            <div style={{ border: '1px dashed #d9d9d9', padding: 12, marginBottom: 16 }} data-testid="co-unit-form">
              <Form.Item
                name="name"
                label="单位名称"
                rules={[{ required: true, min: 2, message: '单位名称至少 2 个字' }]}
              >
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name="type" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
                <Select options={Object.entries(CO_UNIT_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Form.Item name="address" label="地址">
                <Input maxLength={120} />
              </Form.Item>
              <Form.Item name="contactName" label="联系人">
                <Input maxLength={40} />
              </Form.Item>
              <Button type="primary" onClick={() => unitForm.submit()}>
                登记
              </Button>
            </div>
          </Form>
        ) : null}
        <Form.Item name="relation" label="结对方式" rules={[{ required: true, message: '请选择结对方式' }]}>
          <Select options={relations.map((r) => ({ value: r, label: PAIRING_RELATION_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="agreement" label="共建内容">
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Form.Item name="signedOn" label="签约日期">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
