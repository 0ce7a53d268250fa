import { Alert, App, Form, Input, InputNumber, Modal, Radio, Switch } from 'antd';
import { useEffect, useState } from 'react';
import type { CadreBody } from '../../../../contracts/cadres.ts';
import { formErrorMessage } from '../../../shared/form-errors';
import { TreeNodePicker } from '../../../shared/TreeNodePicker';
import { saveCadre, type CadreDetail } from '../api';

const FIELDS = ['name', 'gender', 'birthYear', 'phone', 'partyMember', 'unit', 'nodeId', 'external', 'note'] as const;

/** 录入/修改干部. The phone is typed in full but shown masked everywhere after. */
export function CadreFormModal({
  open,
  cadre,
  onClose,
  onSaved,
}: {
  open: boolean;
  cadre: CadreDetail | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CadreBody>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (cadre) form.setFieldsValue({ ...cadre, gender: cadre.gender as '男' | '女', phone: null });
  }, [open, cadre, form]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await saveCadre(cadre?.id ?? null, { ...v, phone: v.phone || null, birthYear: v.birthYear ?? null });
      message.success('已保存');
      onClose();
      onSaved();
    } catch (e) {
      setError(formErrorMessage(form, e, FIELDS));
    }
  };
  return (
    <Modal
      open={open}
      title={cadre ? '修改干部信息' : '录入干部'}
      onOk={() => void submit()}
      onCancel={onClose}
      okText="保存"
    >
      {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ gender: '男', partyMember: true, external: false }}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="gender" label="性别">
          <Radio.Group options={['男', '女']} />
        </Form.Item>
        <Form.Item name="birthYear" label="出生年份">
          <InputNumber min={1930} max={2010} />
        </Form.Item>
        <Form.Item name="phone" label={cadre ? `电话（现为 ${cadre.phoneMasked ?? '未填'}，留空则清除）` : '电话'}>
          <Input maxLength={13} />
        </Form.Item>
        <Form.Item name="partyMember" label="中共党员" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="unit" label="所在单位" rules={[{ required: true, message: '请填写所在单位' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="external" label="外单位人员（在本社区任职即为交叉任职）" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="nodeId" label="管理单位" rules={[{ required: true, message: '请选择管理单位' }]}>
          <TreeNodePicker levels={['district', 'street', 'community']} placeholder="社区、街道或区" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
