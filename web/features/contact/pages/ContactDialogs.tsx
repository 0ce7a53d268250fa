import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api';
import { fieldErrorsOf } from '../../../shared/form-errors';
import { TreeNodePicker } from '../../../shared/TreeNodePicker';
import { useAsync } from '../../../shared/use-async';
import { assignHouseholds, createRound, fetchCandidates } from '../api';
import { ROLE_LABELS, type Role } from '../../../../contracts/roles.ts';

interface RoundForm {
  no: number;
  title: string;
  period: [Dayjs, Dayjs];
}

/** Opens a visiting round (第 N 轮) of the community. */
export function NewRoundDialog(props: {
  communityId: number;
  nextNo: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RoundForm>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: RoundForm) => {
    setBusy(true);
    try {
      await createRound({
        communityId: props.communityId,
        no: v.no,
        title: v.title,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
      });
      message.success(`已新建${v.title}`);
      props.onDone();
      props.onClose();
    } catch (error) {
      const fields = fieldErrorsOf(error, ['no', 'title', 'startsOn', 'endsOn'], {
        startsOn: 'period',
        endsOn: 'period',
      });
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="新建走访轮次"
      okText="新建"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ no: props.nextNo, title: `第${props.nextNo}轮入户走访` }}
      >
        <Form.Item name="no" label="轮次" rules={[{ required: true }]}>
          <InputNumber min={1} max={99} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, min: 2, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="period" label="走访期间" rules={[{ required: true, message: '请选择走访期间' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AssignForm {
  contactUserId: number;
  buildingNodeId: number;
}

/** Gives every house of a building to one contact (a house kept by someone else moves over). */
export function AssignDialog(props: { communityId: number | undefined; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignForm>();
  const [busy, setBusy] = useState(false);
  const candidates = useAsync((s) => fetchCandidates(props.communityId, s), [props.communityId]);
  const submit = async (v: AssignForm) => {
    setBusy(true);
    try {
      const res = await assignHouseholds(v);
      message.success(`已分配 ${res.data.assigned} 户`);
      props.onDone();
      props.onClose();
    } catch (error) {
      const fields = fieldErrorsOf(error, ['contactUserId', 'buildingNodeId']);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="分配联系户（整栋）"
      okText="分配"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="contactUserId"
          label="联户人（干部、党员、工作人员）"
          rules={[{ required: true, message: '请选择联户人' }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={candidates.loading}
            options={(candidates.data?.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.displayName}（${ROLE_LABELS[c.role as Role] ?? c.role}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="buildingNodeId" label="楼栋" rules={[{ required: true, message: '请选择楼栋' }]}>
          <TreeNodePicker levels={['building']} placeholder="选择楼栋" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
