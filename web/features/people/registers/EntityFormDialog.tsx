import { useEffect } from 'react';
import { App, Form, Input, InputNumber, Select } from 'antd';
import type { EntityBody } from '../../../../contracts/people.ts';
import { saveEntity, type EntityDetail } from '../api';
import { ENTITY_TYPES, toOptions } from '../options';
import { blankToNull, FormDialog } from './FormDialog';
import { NodePicker } from './NodePicker';

interface Values {
  creditCode: string;
  name: string;
  type: string;
  legalRep?: string;
  address?: string;
  gridId: number;
  employees?: number | null;
}
const FIELDS = ['creditCode', 'name', 'type', 'legalRep', 'address', 'gridId', 'employees'] as const;

/** 登记 / 修改法人单位: the USCC is checked by the server exactly as an import row is. */
export function EntityFormDialog({
  entity,
  open,
  onClose,
  onSaved,
}: {
  entity: EntityDetail | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (entity) form.setFieldsValue({ ...entity, legalRep: entity.legalRep ?? '', address: entity.address ?? '' });
  }, [open, entity, form]);
  return (
    <FormDialog<Values>
      title={entity ? '修改法人单位' : '登记法人单位'}
      open={open}
      form={form}
      fields={FIELDS}
      onClose={onClose}
      submit={async (v) => {
        await saveEntity(entity?.id ?? null, {
          creditCode: v.creditCode.trim().toUpperCase(),
          name: v.name.trim(),
          type: v.type as EntityBody['type'],
          legalRep: blankToNull(v.legalRep),
          address: blankToNull(v.address),
          gridId: v.gridId,
          employees: v.employees ?? null,
        });
        message.success(entity ? '已保存' : '已登记');
        onSaved();
      }}
    >
      <Form.Item
        name="creditCode"
        label="统一社会信用代码"
        rules={[
          { required: true, message: '请填写统一社会信用代码' },
          { len: 18, message: '应为 18 位' },
        ]}
      >
        <Input maxLength={18} placeholder="18 位，如 91320508MA1XXXXXXX" style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请填写单位名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="type" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
        <Select options={toOptions(ENTITY_TYPES)} />
      </Form.Item>
      <Form.Item name="gridId" label="所属网格" rules={[{ required: true, message: '请选择所属网格' }]}>
        <NodePicker
          level="grid"
          initial={entity ? { id: entity.gridId, name: entity.gridName ?? '当前网格' } : undefined}
        />
      </Form.Item>
      <Form.Item name="legalRep" label="法定代表人">
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="address" label="地址">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="employees" label="从业人数">
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}
