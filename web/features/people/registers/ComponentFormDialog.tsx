import { useEffect } from 'react';
import { App, Form, Input, InputNumber, Select, Space } from 'antd';
import type { ComponentBody } from '../../../../contracts/people.ts';
import { saveComponent, type ComponentDetail } from '../api';
import { COMPONENT_STATES, toOptions } from '../options';
import { blankToNull, FormDialog } from './FormDialog';

interface Values {
  componentCode: string;
  name?: string;
  lng: number;
  lat: number;
  state: string;
  ownerUnit?: string;
  maintainerUnit?: string;
}
const FIELDS = ['componentCode', 'name', 'lng', 'lat', 'state', 'ownerUnit', 'maintainerUnit'] as const;

/**
 * 登记 / 修改城市部件: the 16-digit code (district + class + sequence) and the point are checked
 * by the server as an import row is; the point decides the grid, which must be in the user's scope.
 */
export function ComponentFormDialog({
  component,
  open,
  onClose,
  onSaved,
}: {
  component: ComponentDetail | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (component)
      form.setFieldsValue({
        ...component,
        ownerUnit: component.ownerUnit ?? '',
        maintainerUnit: component.maintainerUnit ?? '',
      });
  }, [open, component, form]);
  return (
    <FormDialog<Values>
      title={component ? '修改城市部件' : '登记城市部件'}
      open={open}
      form={form}
      fields={FIELDS}
      onClose={onClose}
      submit={async (v) => {
        await saveComponent(component?.id ?? null, {
          componentCode: v.componentCode.trim(),
          name: blankToNull(v.name),
          lng: v.lng,
          lat: v.lat,
          state: v.state as ComponentBody['state'],
          ownerUnit: blankToNull(v.ownerUnit),
          maintainerUnit: blankToNull(v.maintainerUnit),
        });
        message.success(component ? '已保存' : '已登记');
        onSaved();
      }}
    >
      <Form.Item
        name="componentCode"
        label="部件编码"
        extra="16 位：区划码 6 位 + 大类 2 位 + 小类 2 位 + 流水号 6 位"
        rules={[
          { required: true, message: '请填写部件编码' },
          { pattern: /^\d{16}$/, message: '部件编码应为 16 位数字' },
        ]}
      >
        <Input maxLength={16} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="name" label="部件名称" extra="不填则按小类命名">
        <Input maxLength={40} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="lng" label="经度" style={{ width: '50%' }} rules={[{ required: true, message: '请填写经度' }]}>
          <InputNumber step={0.0001} precision={6} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="lat" label="纬度" style={{ width: '50%' }} rules={[{ required: true, message: '请填写纬度' }]}>
          <InputNumber step={0.0001} precision={6} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="state" label="部件状态" rules={[{ required: true, message: '请选择部件状态' }]}>
        <Select options={toOptions(COMPONENT_STATES)} />
      </Form.Item>
      <Form.Item name="ownerUnit" label="权属单位">
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="maintainerUnit" label="养护单位">
        <Input maxLength={60} />
      </Form.Item>
    </FormDialog>
  );
}
