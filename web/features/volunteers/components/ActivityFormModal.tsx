import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { errorMessage } from '../../../shared/api';
import { applyFieldErrors } from '../../../shared/form-errors';
import { useAsync } from '../../../shared/use-async';
import { useCommunities } from '../../../shared/use-communities';
import { createActivity, fetchTeams } from '../api';
import { ACTIVITY_ALIASES, ACTIVITY_FIELDS, activityBody, type ActivityFormValues } from '../forms';
import { pickerNow } from '../../../shared/time';

/** Publishing an activity: time, place, capacity, and optionally the team that runs it. */
export function ActivityFormModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<ActivityFormValues>();
  const communities = useCommunities(me);
  const teams = useAsync((s) => (open ? fetchTeams(s) : Promise.resolve([])), [open]);
  const communityId = Form.useWatch('communityId', form);
  const submit = (v: ActivityFormValues) =>
    createActivity(activityBody(v)).then(
      () => {
        message.success('活动已发布');
        form.resetFields();
        onSaved();
      },
      (e: unknown) => {
        if (!applyFieldErrors(form, e, ACTIVITY_FIELDS, ACTIVITY_ALIASES)) message.error(errorMessage(e));
      },
    );
  return (
    <Modal title="发布志愿活动" open={open} onCancel={onClose} onOk={() => form.submit()} okText="发布" destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ capacity: 20, communityId: communities.data?.[0]?.value }}
      >
        <Form.Item name="communityId" label="社区" rules={[{ required: true, message: '请选择社区' }]}>
          <Select loading={communities.loading} options={communities.data} placeholder="选择社区" />
        </Form.Item>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
          <Input maxLength={60} placeholder="如：红色星期六·楼道清理" />
        </Form.Item>
        <Form.Item name="time" label="时间" rules={[{ required: true, message: '请选择活动时间' }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm', minuteStep: 15 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(pickerNow().startOf('day'))}
          />
        </Form.Item>
        <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写活动地点' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="capacity"
          label="人数上限（满员后报名进入候补）"
          rules={[{ required: true, message: '请填写人数上限' }]}
        >
          <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="teamId" label="组织队伍（可不选）">
          <Select
            allowClear
            loading={teams.loading}
            options={(teams.data ?? [])
              .filter((t) => !communityId || t.communityId === communityId)
              .map((t) => ({ value: t.id, label: t.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
