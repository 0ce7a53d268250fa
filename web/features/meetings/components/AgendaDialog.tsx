import { Alert, Form, Input, Select } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { addAgendaItem, fetchAgendaCases, type AgendaInput } from '../api';
import { AGENDA_SOURCE_LABELS, type AgendaSource, type MeetingDetail } from '../types';
import { FormDialog } from './FormDialog';
import { formatTime } from '../../../shared/time';

type Values = { caseId?: number; title?: string; description?: string };

function CasePicker({ meeting }: { meeting: MeetingDetail }) {
  const cases = useAsync((s) => fetchAgendaCases(s), []);
  if (cases.data && !cases.data.casesAvailable) return <Alert type="info" title="事件模块尚未接入" />;
  // Only this community's cases can go on its meetings' agenda.
  const options = cases.data?.data
    .filter((c) => c.communityId === meeting.communityId)
    .map((c) => ({
      value: c.id,
      label: `#${c.id} ${c.title}（${c.categoryName ?? '未分类'}，${formatTime(c.reportedAt, 'MM-DD')}）`,
    }));
  return (
    <Form.Item
      name="caseId"
      label="待上会事件"
      rules={[{ required: true, message: '请选择事件' }]}
      extra="被派往“会议议事”的事件；登记决议后事件回到处置流程"
    >
      <Select loading={cases.loading} options={options} notFoundContent="没有待上会的事件" />
    </Form.Item>
  );
}

export function AgendaDialog({
  meeting,
  source,
  onClose,
  onDone,
}: {
  meeting: MeetingDetail;
  source: AgendaSource;
  onClose: () => void;
  onDone: () => void;
}) {
  const submit = (v: Values) => {
    const body: AgendaInput =
      source === 'case'
        ? { source, caseId: v.caseId! }
        : { source, title: v.title!, description: v.description || undefined };
    return addAgendaItem(meeting.id, body);
  };
  return (
    <FormDialog<Values>
      title={`添加${AGENDA_SOURCE_LABELS[source]}议题`}
      okText="添加"
      fields={['caseId', 'title', 'description']}
      onSubmit={submit}
      onClose={onClose}
      onDone={onDone}
    >
      {source === 'case' ? (
        <CasePicker meeting={meeting} />
      ) : (
        <>
          <Form.Item
            name="title"
            label={source === 'proposal' ? '提议事项' : '议题'}
            rules={[{ required: true, message: '请填写议题' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="description" label="说明">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
