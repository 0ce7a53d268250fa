/**
 * What the photo picker tells its form: the ids uploaded so far, and how many are still on
 * their way or failed. A form must not be submitted while a photo is uploading (it would be
 * dropped silently) or while a failed one is still listed (the user thinks it was sent).
 */
export interface PhotoUploadState {
  ids: number[];
  uploading: number;
  failed: number;
}

export const NO_PHOTOS: PhotoUploadState = { ids: [], uploading: 0, failed: 0 };

/** Why the form must wait, in the user's words, or null when the photos are all up. */
export function photoUploadBlocker(state: PhotoUploadState): string | null {
  if (state.uploading > 0) return `还有 ${state.uploading} 张照片正在上传，请等上传完成后再提交`;
  if (state.failed > 0) return `有 ${state.failed} 张照片上传失败，请删除后重新上传`;
  return null;
}
