import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { fetchHeldMeetings, recordDecisionStep } from '../api';
import { DECISION_STEP_LABELS, STEP_MEETING_TYPE } from '../decision-steps';
import { MEETING_TYPE_LABELS, type Decision, type DecisionStepKind } from '../types';
import { FormDialog } from './FormDialog';

type Values = { meetingId?: number; votesFor?: number; votesAgainst?: number; votesAbstain?: number; note: string };

/**
 * Records the one step the record may take next. A voting step names the held meeting (of the
 * type the server demands) and its votes; the server answers 409 if someone took the step meanwhile.
 */
export function NextStepDialog({
  decision,
  kind,
  onClose,
  onDone,
}: {
  decision: Decision;
  kind: DecisionStepKind;
  onClose: () => void;
  onDone: () => void;
}) {
  const type = STEP_MEETING_TYPE[kind];
  const meetings = useAsync(
    (s) => (type ? fetchHeldMeetings(type, decision.communityId, s) : Promise.resolve([])),
    [type],
  );
  const votes = (name: 'votesFor' | 'votesAgainst' | 'votesAbstain', label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: '请填写' }]}>
      <InputNumber min={0} />
    </Form.Item>
  );
  return (
    <FormDialog<Values>
      title={`记录：${DECISION_STEP_LABELS[kind]}`}
      okText="记录"
      successText={`已记录“${DECISION_STEP_LABELS[kind]}”`}
      fields={['meetingId', 'votesFor', 'votesAgainst', 'votesAbstain', 'note']}
      onSubmit={(v) => recordDecisionStep(decision.id, { kind, ...v })}
      onClose={onClose}
      onDone={onDone}
    >
      {type && (
        <>
          <Form.Item
            name="meetingId"
            label={`表决会议（${MEETING_TYPE_LABELS[type]}，须已召开）`}
            rules={[{ required: true, message: '请选择会议' }]}
          >
            <Select
              loading={meetings.loading}
              notFoundContent="没有已召开的该类会议"
              options={meetings.data?.map((m) => ({ value: m.id, label: m.title }))}
            />
          </Form.Item>
          <Space>
            {votes('votesFor', '赞成')}
            {votes('votesAgainst', '反对')}
            {votes('votesAbstain', '弃权')}
          </Space>
        </>
      )}
      <Form.Item
        name="note"
        label={kind.endsWith('published') ? '公开内容' : '说明'}
        rules={[{ required: true, message: '请填写' }]}
      >
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </FormDialog>
  );
}
