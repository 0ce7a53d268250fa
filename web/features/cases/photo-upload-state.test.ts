import { describe, expect, it } from 'vitest';
import { NO_PHOTOS, photoUploadBlocker } from './photo-upload-state';

describe('photoUploadBlocker', () => {
  it('lets a form with no photos or only finished ones through', () => {
    expect(photoUploadBlocker(NO_PHOTOS)).toBeNull();
    expect(photoUploadBlocker({ ids: [3, 4], uploading: 0, failed: 0 })).toBeNull();
  });
  it('holds the form while a photo is still uploading', () => {
    expect(photoUploadBlocker({ ids: [3], uploading: 2, failed: 0 })).toBe(
      '还有 2 张照片正在上传，请等上传完成后再提交',
    );
  });
  it('holds the form while a failed photo is still listed', () => {
    expect(photoUploadBlocker({ ids: [], uploading: 0, failed: 1 })).toBe('有 1 张照片上传失败，请删除后重新上传');
  });
});
