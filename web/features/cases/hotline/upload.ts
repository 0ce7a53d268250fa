import type { HotlineImportResult } from '../../../../contracts/hotline-import.ts';
import { ApiError, readCookie } from '../../../shared/api';

export type UploadStage = { stage: 'uploading'; percent: number } | { stage: 'processing' };

/**
 * Sends a hotline file to POST /api/cases/import (its HTTP contract as is). XMLHttpRequest, not
 * fetch: only it reports upload progress. After the last byte the server registers the rows
 * (up to 2,000) before it answers, shown as "processing".
 */
export function uploadHotlineFile(
  file: File,
  communityId: number | undefined,
  onStage: (s: UploadStage) => void,
): Promise<HotlineImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/cases/import${communityId ? `?communityId=${communityId}` : ''}`);
    xhr.withCredentials = true;
    const token = readCookie(document.cookie, 'gh_csrf');
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onStage({ stage: 'uploading', percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => onStage({ stage: 'processing' });
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '网络错误，上传未完成'));
    xhr.onload = () => {
      let body: {
        data?: HotlineImportResult;
        error?: { code: string; message: string; details?: { path: string; message: string }[] };
      } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body?.data) resolve(body.data);
      else
        reject(
          new ApiError(
            xhr.status,
            body?.error?.code ?? `HTTP_${xhr.status}`,
            body?.error?.message ?? '导入失败',
            body?.error?.details ?? [],
          ),
        );
    };
    const form = new FormData();
    form.append('file', file);
    onStage({ stage: 'uploading', percent: 0 });
    xhr.send(form);
  });
}
