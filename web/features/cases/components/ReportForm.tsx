import { useState } from 'react';
import { Alert, Button, Form, Input, Segmented, Select } from 'antd';
import { SOURCE_LABELS_ZH } from '../../../../contracts/case-labels.ts';
import { formErrorMessage } from '../../../shared/form-errors';
import type { ReportInput } from '../types';
import { ComponentPicker } from '../../people/components/ComponentPicker';
import { CategoryCascader } from './CategoryCascader';
import { answersPayload, CategoryQuestions } from './CategoryQuestions';
import { DuplicateHint } from './DuplicateHint';
import { PhotoUpload } from './PhotoUpload';
import { NO_PHOTOS, photoUploadBlocker, type PhotoUploadState } from '../photo-upload-state';
import { PinPicker } from './PinPicker';
import type { Pin } from './PinMap';
import { MOBILE_RE } from '../../../../contracts/phone.ts';

interface Values {
  title: string;
  description: string;
  categoryId?: number;
  address?: string;
  source?: 'window' | 'visit' | 'hotline';
  reporterName?: string;
  reporterPhone?: string;
  answers?: Record<string, unknown>;
}

interface Props {
  /** Staff may register on behalf of a resident (window, visit, hotline). */
  onBehalf: boolean;
  /** `localPhotos`: with keepPhotosLocal, the chosen photos themselves (none are uploaded yet). */
  onSubmit: (input: ReportInput, localPhotos: File[]) => Promise<void>;
  /** Patrol reports may be filed without signal: photos stay on the phone until sent. */
  keepPhotosLocal?: boolean;
}

const REPORT_FIELDS = [
  'title',
  'description',
  'categoryId',
  'address',
  'source',
  'reporterName',
  'reporterPhone',
  'answers',
];
const ON_BEHALF_SOURCES = (['window', 'visit', 'hotline'] as const).map((s) => ({
  value: s,
  label: SOURCE_LABELS_ZH[s],
}));

export function ReportForm({ onBehalf, onSubmit, keepPhotosLocal = false }: Props) {
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'pin' | 'address'>('pin');
  const [pin, setPin] = useState<Pin | null>(null);
  const [photos, setPhotos] = useState<PhotoUploadState>(NO_PHOTOS);
  const [localPhotos, setLocalPhotos] = useState<File[]>([]);
  // The city component (部件) the problem concerns, by its 16-digit code; only offered with a pin.
  const [componentId, setComponentId] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const title = Form.useWatch('title', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';
  const categoryId = Form.useWatch('categoryId', form);
  const source = Form.useWatch('source', form);

  const submit = async (v: Values) => {
    if (mode === 'pin' && !pin) {
      setError('请在地图上选点、使用当前位置，或改为只填地址');
      return;
    }
    const waitForPhotos = photoUploadBlocker(photos);
    if (waitForPhotos) {
      setError(waitForPhotos);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await onSubmit(
        {
          title: v.title,
          description: v.description,
          categoryId: v.categoryId,
          address: v.address || undefined,
          photoIds: photos.ids,
          answers: answersPayload(v.answers),
          ...(mode === 'pin' && pin ? { lng: pin.lng, lat: pin.lat, ...(componentId ? { componentId } : {}) } : {}),
          ...(v.source
            ? { source: v.source, reporterName: v.reporterName, reporterPhone: v.reporterPhone || undefined }
            : {}),
        },
        localPhotos,
      );
    } catch (err) {
      // The server files a bad pin under lng/lat: show it beside the address, the field that is there.
      setError(formErrorMessage(form, err, REPORT_FIELDS, { lng: 'address', lat: 'address', communityId: 'address' }));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" style={{ maxWidth: 720 }}>
      {onBehalf && (
        <Form.Item name="source" label="登记方式" tooltip="代居民登记时选择；本人上报留空">
          <Select allowClear placeholder="本人上报" options={ON_BEHALF_SOURCES} />
        </Form.Item>
      )}
      {source && (
        <>
          <Form.Item name="reporterName" label="反映人姓名" rules={[{ required: true, message: '请填写反映人姓名' }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="reporterPhone"
            label="反映人电话"
            rules={[{ pattern: MOBILE_RE, message: '手机号格式不正确' }]}
          >
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="title"
        label="标题"
        rules={[{ required: true, min: 2, max: 80, message: '请用 2–80 字概括问题' }]}
      >
        <Input placeholder="如：小区门口垃圾堆放" maxLength={80} />
      </Form.Item>
      <Form.Item
        name="description"
        label="问题描述"
        rules={[{ required: true, min: 2, max: 4000, message: '请描述问题（至少 2 字）' }]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount placeholder="时间、地点、具体情况" />
      </Form.Item>
      <Form.Item name="categoryId" label="问题类别">
        <CategoryCascader placeholder="不确定可不选，由社区分类" />
      </Form.Item>
      <CategoryQuestions categoryId={categoryId} />
      <Form.Item label="问题位置" required>
        <Segmented
          value={mode}
          onChange={(m) => setMode(m as 'pin' | 'address')}
          options={[
            { value: 'pin', label: '地图选点' },
            { value: 'address', label: '只填地址' },
          ]}
          style={{ marginBottom: 8 }}
        />
        {mode === 'pin' && (
          <PinPicker
            value={pin}
            onChange={(p) => {
              setPin(p);
              setComponentId(undefined);
            }}
          />
        )}
      </Form.Item>
      {mode === 'pin' && pin && (
        <Form.Item label="相关城市部件" tooltip="井盖、路灯、消防栓等设施出了问题时选择，便于派给权属单位">
          <ComponentPicker lng={pin.lng} lat={pin.lat} value={componentId} onChange={setComponentId} />
        </Form.Item>
      )}
      <Form.Item
        name="address"
        label="详细地址"
        rules={mode === 'address' ? [{ required: true, min: 2, message: '请填写地址' }] : []}
      >
        <Input maxLength={200} placeholder="如：××路 12 号东侧" />
      </Form.Item>
      <DuplicateHint
        query={{ text: `${title} ${description}`.trim(), categoryId, ...(mode === 'pin' && pin ? pin : {}) }}
      />
      <Form.Item label="现场照片" style={{ marginTop: 16 }}>
        <PhotoUpload
          onLocalFiles={keepPhotosLocal ? setLocalPhotos : undefined}
          onChange={(state) => {
            setPhotos(state);
            if (!photoUploadBlocker(state)) setError(null);
          }}
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={submitting} block size="large">
        {photos.uploading > 0 ? '照片上传中…' : '提交上报'}
      </Button>
    </Form>
  );
}
