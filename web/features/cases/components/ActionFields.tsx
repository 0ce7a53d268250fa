import { Form, Input, InputNumber, Radio, Rate } from 'antd';
import { ACTION_REQUIRES, FIELD_LABELS_ZH } from '../../../../contracts/case-labels.ts';
import type { CaseAction, CaseDetail, Suggestion } from '../types';
import { AcceptFields } from './AcceptFields';
import { DispatchFields } from './DispatchFields';
import { MergeTargetSelect } from './MergeTargetSelect';
import { PhotoUpload } from './PhotoUpload';
import { TemplatePicks } from './TemplatePicks';
import type { PhotoUploadState } from '../photo-upload-state';

/** Steps whose outcome is shown with photos: the fix, and the on-site check of it. */
const WITH_PHOTOS = new Set<CaseAction>(['handle', 'verify', 'rework']);
const REASON_HINTS: Partial<Record<CaseAction, string>> = {
  reject: '如：不属于受理范围、信息不实',
  return: '说明不属于本单位职责的依据',
  rework: '现场核查发现的问题',
  reopen: '问题仍未解决的情况',
  park: '暂时无法解决的原因',
  request_extension: '需要延期的原因',
};

/** 回访 answers as the scores they count as: 满意 and 基本满意 count as satisfied (≥ 4), 不满意 reopens. */
const REVISIT_OPTIONS = [
  { value: 5, label: '满意' },
  { value: 4, label: '基本满意' },
  { value: 1, label: '不满意' },
];

/** Actions that have canned replies (常用回复), as the server names them. */
const TEMPLATE_ACTIONS = new Set<string>([
  'reject',
  'return',
  'handle',
  'verify',
  'rework',
  'close',
  'request_extension',
  'refuse_extension',
  'park',
]);

interface Props {
  action: CaseAction;
  detail: CaseDetail;
  suggestion: Suggestion | null;
  onPhotos: (state: PhotoUploadState) => void;
}

/** The form of one action: what the lifecycle requires, plus what the step naturally records. */
export function ActionFields({ action, detail, suggestion, onPhotos }: Props) {
  const requires = ACTION_REQUIRES[action];
  const required = (field: keyof typeof FIELD_LABELS_ZH) => requires.includes(field);
  const picks = (field: string) =>
    TEMPLATE_ACTIONS.has(action) && (
      <TemplatePicks action={action} categoryId={detail.category?.id ?? null} field={field} />
    );
  return (
    <>
      {action === 'accept' && <AcceptFields detail={detail} suggestion={suggestion} />}
      {action === 'dispatch' && <DispatchFields detail={detail} suggestion={suggestion} />}
      {action === 'merge' && (
        <Form.Item name="targetCaseId" label="合并到" rules={[{ required: true, message: '请选择合并目标案件' }]}>
          <MergeTargetSelect caseId={detail.id} suggestion={suggestion} />
        </Form.Item>
      )}
      {action === 'rate' && (
        <>
          <Form.Item name="score" label="满意度" rules={[{ required: true, message: '请给出评分' }]}>
            <Rate aria-label="满意度评分" />
          </Form.Item>
          <Form.Item name="comment" label="评价内容">
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </>
      )}
      {action === 'revisit' && (
        <Form.Item
          name="score"
          label="回访结果"
          tooltip="电话回访反映人的满意程度，计入满意率；不满意的案件可重新办理"
          rules={[{ required: true, message: '请选择回访结果' }]}
        >
          <Radio.Group options={REVISIT_OPTIONS} optionType="button" buttonStyle="solid" />
        </Form.Item>
      )}
      {required('minutes') && (
        <Form.Item
          name="hours"
          label={action === 'approve_extension' ? '批准延期（工作小时）' : '申请延期（工作小时）'}
          rules={[{ required: true, message: '请填写延期时长' }]}
        >
          <InputNumber min={0.5} max={450} step={0.5} style={{ width: 160 }} suffix="小时" />
        </Form.Item>
      )}
      {required('feedback') && picks('feedback')}
      {required('feedback') && (
        <Form.Item
          name="feedback"
          label="处置情况"
          rules={[{ required: true, min: 2, message: '请填写处置情况（至少 2 字）' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      )}
      {!required('feedback') && action !== 'rate' && picks(required('reason') ? 'reason' : 'note')}
      {required('reason') ? (
        <Form.Item name="reason" label="原因" rules={[{ required: true, min: 2, message: '请填写原因（至少 2 字）' }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={REASON_HINTS[action]} />
        </Form.Item>
      ) : required('note') ? (
        <Form.Item
          name="note"
          label={action === 'resolve_agenda' ? '议定结果' : '备注'}
          rules={[{ required: true, message: '请填写' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      ) : (
        action !== 'rate' && (
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )
      )}
      {WITH_PHOTOS.has(action) && (
        <Form.Item label={action === 'handle' ? '处置后照片' : '现场照片'}>
          <PhotoUpload onChange={onPhotos} />
        </Form.Item>
      )}
    </>
  );
}
