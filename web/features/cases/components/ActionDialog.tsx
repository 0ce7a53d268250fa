import { useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { ACTION_LABELS_ZH } from '../../../../contracts/case-labels.ts';
import { ApiError } from '../../../shared/api';
import { transitionCase } from '../api';
import { formErrorMessage } from '../../../shared/form-errors';
import type { CaseAction, CaseDetail, Suggestion, TransitionInput } from '../types';
import { ActionFields } from './ActionFields';
import { NO_PHOTOS, photoUploadBlocker, type PhotoUploadState } from '../photo-upload-state';

interface Props {
  action: CaseAction;
  detail: CaseDetail;
  suggestion: Suggestion | null;
  onClose: () => void;
  /** After a step was taken, or when the case changed under us: the page reloads it. */
  onChanged: () => void;
}

type Values = Omit<TransitionInput, 'version' | 'photoIds' | 'minutes'> & { hours?: number };
const FIELDS = [
  'reason',
  'note',
  'feedback',
  'score',
  'comment',
  'targetCaseId',
  'hours',
  'level',
  'departmentId',
  'categoryId',
  'gridId',
];

function initialValues(action: CaseAction, detail: CaseDetail, suggestion: Suggestion | null): Partial<Values> {
  if (action === 'accept') return { categoryId: detail.category?.id ?? suggestion?.category?.id };
  if (action === 'dispatch') {
    const handler = suggestion?.handler;
    if (handler?.level === 'department' && handler.departmentId)
      return { level: 'department', departmentId: handler.departmentId };
    return { level: detail.grid ? 'grid' : 'community' };
  }
  return {};
}

/** One step of the loop: the form the action needs, sent with the version the user saw. */
export function ActionDialog({ action, detail, suggestion, onClose, onChanged }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [photos, setPhotos] = useState<PhotoUploadState>(NO_PHOTOS);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = ACTION_LABELS_ZH[action];

  const submit = async ({ hours, ...values }: Values) => {
    const waitForPhotos = photoUploadBlocker(photos);
    if (waitForPhotos) {
      setError(waitForPhotos);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: TransitionInput = {
        ...values,
        version: detail.version,
        photoIds: photos.ids,
        ...(hours ? { minutes: Math.round(hours * 60) } : {}),
      };
      if (body.level !== 'department') delete body.departmentId;
      await transitionCase(detail.id, action, body);
      message.success(`${label}成功`);
      onClose();
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Someone else moved the case first: what the user filled in no longer applies.
        message.warning(err.message);
        onClose();
        onChanged();
        return;
      }
      setError(formErrorMessage(form, err, FIELDS, { minutes: 'hours' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${label} · ${detail.caseNo}`}
      okText={`确认${label}`}
      okButtonProps={{ loading: busy, autoInsertSpace: false }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues(action, detail, suggestion)}>
        <ActionFields action={action} detail={detail} suggestion={suggestion} onPhotos={setPhotos} />
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
