import { Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { FormDialog } from '../../meetings/components/FormDialog';
import { createItem, updateItem, type ItemInput } from '../api';
import { SERVICE_KIND_LABELS, type ServiceItem } from '../types';

const FIELDS = ['kind', 'name', 'departmentName', 'materials', 'timeLimitDays', 'fee', 'whereWhen', 'online', 'proxy'];
const EMPTY: Partial<ItemInput> = {
  kind: 'affairs',
  materials: [],
  timeLimitDays: 1,
  fee: '免费',
  online: false,
  proxy: false,
};

/** Adds a catalogue item to a community, or edits one: department, materials, time limit, fee, where/when, online and proxy. */
export function ItemDialog({
  communityId,
  item,
  onClose,
  onDone,
}: {
  communityId: number;
  item?: ServiceItem;
  onClose: () => void;
  onDone: () => void;
}) {
  return (
    <FormDialog<ItemInput>
      title={item ? `修改事项：${item.name}` : '新增服务事项'}
      okText={item ? '保存' : '新增'}
      fields={FIELDS}
      initialValues={item ?? EMPTY}
      onClose={onClose}
      onDone={onDone}
      onSubmit={(v) => (item ? updateItem(item.id, v) : createItem(communityId, v))}
    >
      <Space.Compact block>
        <Form.Item name="kind" label="类别" style={{ width: 140 }}>
          <Select options={Object.entries(SERVICE_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label="事项名称"
          rules={[{ required: true, message: '请填写事项名称' }]}
          style={{ flex: 1 }}
        >
          <Input maxLength={60} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="departmentName" label="办理部门" rules={[{ required: true, message: '请填写办理部门' }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="materials" label="所需材料（回车添加）">
        <Select mode="tags" open={false} placeholder="如：身份证、户口簿" />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="timeLimitDays" label="办结时限（工作日，0 为即办）" style={{ flex: 1 }}>
          <InputNumber min={0} max={365} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="fee"
          label="收费"
          rules={[{ required: true, message: '请填写收费，免费填“免费”' }]}
          style={{ flex: 1 }}
        >
          <Input maxLength={60} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="whereWhen" label="办理地点与时间" rules={[{ required: true, message: '请填写办理地点与时间' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Space>
        <Form.Item name="online" valuePropName="checked" noStyle>
          <Checkbox>可网上办理</Checkbox>
        </Form.Item>
        <Form.Item name="proxy" valuePropName="checked" noStyle>
          <Checkbox>可代办</Checkbox>
        </Form.Item>
      </Space>
    </FormDialog>
  );
}
