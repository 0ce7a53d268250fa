import { useState } from 'react';
import { App, Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { readCookie } from '../../../shared/api';
import { PHOTO_UPLOAD_URL } from '../api';
import type { PhotoUploadState } from '../photo-upload-state';

const MAX_PHOTOS = 9;
const MAX_MB = 8;

interface Props {
  /** The ids uploaded so far, in order, and how many are still uploading or failed. */
  onChange: (state: PhotoUploadState) => void;
  /**
   * Patrol reports: keep the chosen photos on the phone instead of uploading them now (there may
   * be no signal); the offline queue uploads them when it sends the report.
   */
  onLocalFiles?: (files: File[]) => void;
}

function uploadedId(file: UploadFile): number | undefined {
  return (file.response as { data?: { id?: number } } | undefined)?.data?.id;
}

/**
 * Photos go up one by one as soon as they are chosen (multipart field `file`), so the report
 * itself only carries their ids. The server checks the content is an image; this only spares
 * the upload of an obvious mistake.
 */
export function PhotoUpload({ onChange, onLocalFiles }: Props) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);

  return (
    <Upload
      name="file"
      action={PHOTO_UPLOAD_URL}
      accept="image/*"
      listType="picture-card"
      multiple
      withCredentials
      headers={{ 'x-csrf-token': readCookie(document.cookie, 'gh_csrf') ?? '' }}
      fileList={files}
      beforeUpload={(file) => {
        if (!file.type.startsWith('image/')) {
          message.error('只能上传图片');
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_MB * 1024 * 1024) {
          message.error(`照片不能超过 ${MAX_MB} MB`);
          return Upload.LIST_IGNORE;
        }
        // false: listed (with its preview) but not sent.
        return !onLocalFiles;
      }}
      onChange={({ file, fileList }) => {
        if (file.status === 'error') {
          const body = file.response as { error?: { message?: string } } | undefined;
          message.error(body?.error?.message ?? '照片上传失败');
        }
        setFiles(fileList);
        onLocalFiles?.(fileList.flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])));
        onChange({
          ids: fileList.map(uploadedId).filter((id): id is number => id !== undefined),
          uploading: fileList.filter((f) => f.status === 'uploading').length,
          failed: fileList.filter((f) => f.status === 'error').length,
        });
      }}
    >
      {files.length < MAX_PHOTOS && (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 4 }}>上传照片</div>
        </button>
      )}
    </Upload>
  );
}
