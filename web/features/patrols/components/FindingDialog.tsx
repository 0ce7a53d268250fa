import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { formErrorMessage } from '../../../shared/form-errors';
import { CategoryCascader } from '../../cases/components/CategoryCascader';
import { PhotoUpload } from '../../cases/components/PhotoUpload';
import { NO_PHOTOS, photoUploadBlocker, type PhotoUploadState } from '../../cases/photo-upload-state';
import { recordFinding } from '../api';

interface Values {
  categoryId: number;
  description: string;
}
const FIELDS = ['categoryId', 'description', 'photoIds', 'lng', 'lat'];

/** 发现问题: category, description and photos; the server files it as a case and dispatches it. */
export function FindingDialog({
  planId,
  grid,
  point,
  onClose,
  onDone,
}: {
  planId: number;
  grid: { id: number; name: string };
  point: { lng: number; lat: number } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [photos, setPhotos] = useState<PhotoUploadState>(NO_PHOTOS);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: Values) => {
    const blocker = photoUploadBlocker(photos);
    if (blocker) return setProblem(blocker);
    setBusy(true);
    setProblem(null);
    try {
      const res = await recordFinding(planId, {
        gridId: grid.id,
        categoryId: v.categoryId,
        description: v.description,
        photoIds: photos.ids,
        ...(point ?? {}),
      });
      message.success(`已上报，案件编号 ${res.data.caseNo}`);
      onDone();
    } catch (error) {
      setProblem(formErrorMessage(form, error, FIELDS));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`上报问题：${grid.name}`}
      okText="上报"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="categoryId" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
          <CategoryCascader />
        </Form.Item>
        <Form.Item
          name="description"
          label="问题描述"
          rules={[{ required: true, min: 4, max: 1000, message: '4–1000 个字' }]}
        >
          <Input.TextArea rows={3} placeholder="如 沿街商铺门前暴露垃圾堆放" />
        </Form.Item>
        <Form.Item label="现场照片（可选）">
          <PhotoUpload onChange={setPhotos} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
